package io.gatehouse.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root: AWS's APIs answer at {@code /}, as the AWS CLI's {@code --endpoint-url} expects. */
@ApplicationPath("/")
public class GatehouseApplication extends Application {
}
