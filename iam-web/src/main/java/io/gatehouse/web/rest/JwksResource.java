package io.gatehouse.web.rest;

import io.gatehouse.core.sts.BearerTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public keys of the bearer tokens, where Liberty's mpJwt (and any relying party) reads them. */
@Path("/.well-known/jwks.json")
@ApplicationScoped
public class JwksResource {

    @Inject
    BearerTokens tokens;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public String jwks() {
        return tokens.jwks();
    }
}
