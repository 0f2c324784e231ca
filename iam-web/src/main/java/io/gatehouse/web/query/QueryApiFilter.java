package io.gatehouse.web.query;

import io.gatehouse.web.auth.SignedRequests;
import io.gatehouse.web.json.JsonApiDoor;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Serves the Query API ({@code GET} and {@code POST} at {@code /}) before JAX-RS sees the request:
 * the busiest door (every SDK call, every presigned STS URL) then costs no resource matching,
 * provider lookup or entity mapping. The JSON-protocol services, told apart by their
 * {@code X-Amz-Target}, and every other path go on to JAX-RS.
 */
@WebFilter(urlPatterns = "/*", filterName = "queryApi")
public class QueryApiFilter extends HttpFilter {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    QueryApiDoor door;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean queryApi = (method.equals("POST") || method.equals("GET"))
                && request.getRequestURI().equals(request.getContextPath() + "/")
                && request.getHeader(JsonApiDoor.TARGET_HEADER) == null;
        if (!queryApi) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = method.equals("POST") ? request.getInputStream().readAllBytes() : new byte[0];
        String type = request.getContentType();
        boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
        QueryApiDoor.Answer answer = door.answer(SignedRequests.view(method, body, request), form,
                request.getRemoteAddr(), request.isSecure());
        byte[] xml = answer.xml().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("text/xml");
        response.setHeader("x-amzn-RequestId", answer.requestId());
        response.setContentLength(xml.length);
        response.getOutputStream().write(xml);
    }
}
