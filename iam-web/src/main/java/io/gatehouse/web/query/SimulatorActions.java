package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.json.Position;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.simulation.Simulation;
import io.gatehouse.core.simulation.SimulationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SimulateCustomPolicy (authorized on {@code *}) and SimulatePrincipalPolicy (on the simulated
 * user, group or role), in AWS's EvaluationResult shape so {@code aws iam simulate-*} works unchanged.
 */
final class SimulatorActions {

    private SimulatorActions() {
    }

    static List<IamAction> all() {
        return List.of(
                IamAction.reading("SimulateCustomPolicy", ctx -> everything(), (ctx, xml) -> results(xml, ctx.params(),
                        ctx.services().simulator().simulateCustom(ctx.caller(), simulation(ctx.params())))),
                IamAction.reading("SimulatePrincipalPolicy", ctx -> Arn.parse(ctx.params().required("PolicySourceArn")),
                        (ctx, xml) -> results(xml, ctx.params(), ctx.services().simulator().simulatePrincipal(
                                ctx.caller(), ctx.params().required("PolicySourceArn"), simulation(ctx.params())))));
    }

    /** AWS authorizes SimulateCustomPolicy on "*": it reads nothing stored. Its own account, for evaluation. */
    private static Arn everything() {
        return new Arn(Arn.AWS_PARTITION, "iam", "", "", "*");
    }

    private static Simulation simulation(QueryParameters p) {
        List<Simulation.ContextEntry> context = new ArrayList<>();
        for (int i = 1; p.optional("ContextEntries.member." + i + ".ContextKeyName").isPresent(); i++) {
            String prefix = "ContextEntries.member." + i;
            context.add(new Simulation.ContextEntry(p.required(prefix + ".ContextKeyName"),
                    p.list(prefix + ".ContextKeyValues"), p.optional(prefix + ".ContextKeyType").orElse("string")));
        }
        return new Simulation(p.list("PolicyInputList"), p.list("PermissionsBoundaryPolicyInputList"),
                p.optional("ResourcePolicy"), p.optional("ResourceOwner"), p.optional("CallerArn"),
                p.list("ActionNames"), p.list("ResourceArns"), context);
    }

    private static void results(XmlWriter xml, QueryParameters params, List<SimulationResult> all) {
        PageRequest request = params.page();
        int from = request.marker().map(SimulatorActions::offset).orElse(0);
        int to = Math.min(all.size(), from + request.maxItems());
        xml.start("EvaluationResults");
        for (SimulationResult result : all.subList(Math.min(from, all.size()), to)) {
            xml.start("member")
                    .element("EvalActionName", result.action())
                    .element("EvalResourceName", result.resource())
                    .element("EvalDecision", decision(result.decision()));
            matched(xml, result);
            xml.start("MissingContextValues");
            result.missingContextValues().forEach(key -> xml.element("member", key));
            xml.end();
            if (!result.decisionDetails().isEmpty()) {
                xml.start("EvalDecisionDetails");
                result.decisionDetails().forEach((kind, outcome) ->
                        xml.start("entry").element("key", kind).element("value", decision(outcome)).end());
                xml.end();
            }
            result.allowedByBoundary().ifPresent(allowed -> xml.start("PermissionsBoundaryDecisionDetail")
                    .element("AllowedByPermissionsBoundary", allowed).end());
            xml.start("ResourceSpecificResults").start("member")
                    .element("EvalResourceName", result.resource())
                    .element("EvalResourceDecision", decision(result.decision()));
            matched(xml, result);
            xml.start("MissingContextValues");
            result.missingContextValues().forEach(key -> xml.element("member", key));
            xml.end();
            result.allowedByBoundary().ifPresent(allowed -> xml.start("PermissionsBoundaryDecisionDetail")
                    .element("AllowedByPermissionsBoundary", allowed).end());
            xml.end().end();
            xml.end();
        }
        xml.end();
        Shapes.paging(xml, new Page<>(List.of(), to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
    }

    private static void matched(XmlWriter xml, SimulationResult result) {
        xml.start("MatchedStatements");
        for (SimulationResult.MatchedSource source : result.matched()) {
            xml.start("member")
                    .element("SourcePolicyId", source.sourcePolicyId())
                    .element("SourcePolicyType", source.sourcePolicyType());
            position(xml, "StartPosition", source.start());
            position(xml, "EndPosition", source.end());
            xml.end();
        }
        xml.end();
    }

    private static void position(XmlWriter xml, String element, Position position) {
        xml.start(element)
                .element("Line", Integer.toString(position.line()))
                .element("Column", Integer.toString(position.column()))
                .end();
    }

    /** AWS's PolicyEvaluationDecisionType. */
    static String decision(Outcome outcome) {
        return switch (outcome) {
            case ALLOWED -> "allowed";
            case EXPLICIT_DENY -> "explicitDeny";
            case IMPLICIT_DENY -> "implicitDeny";
        };
    }

    private static int offset(String marker) {
        try {
            return Integer.parseInt(marker);
        } catch (NumberFormatException e) {
            throw IamException.validation("Invalid Marker: " + marker);
        }
    }
}
