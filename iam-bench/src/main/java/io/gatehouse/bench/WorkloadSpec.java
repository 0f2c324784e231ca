package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The five workloads: policies (each a list of rules) and a generator of candidate requests. The
 * request mix (~50% allowed, ~10% explicit deny) is selected later, from the candidates' outcomes.
 */
record WorkloadSpec(String name, List<List<Rule>> policies, List<Probe> candidates) {
    static final String ACCOUNT = "111122223333";
    private static final long Y2030 = 1_893_456_000L;
    private static final long NOW = 1_735_689_600L; // 2025-01-01
    private static final long LATER = 2_051_222_400L; // 2035-01-01
    private static final String[] SERVICES = {"s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "kms", "logs",
        "cloudwatch", "iam"};

    static WorkloadSpec named(String name) {
        return switch (name) {
            case "W1" -> w1();
            case "W2" -> w2();
            case "W3" -> indexed("W3", 20);
            case "W4" -> indexed("W4", 200);
            case "W5" -> w5();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** One policy, one statement. */
    static WorkloadSpec w1() {
        List<Rule> p = List.of(new Rule(true, List.of("s3:GetObject"), List.of("arn:aws:s3:::reports/*"), List.of()));
        Random rnd = new Random(1);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String action = rnd.nextBoolean() ? "s3:GetObject" : "s3:PutObject";
            String bucket = rnd.nextInt(4) == 0 ? "other" : "reports";
            probes.add(probe(rnd, action, "arn:aws:s3:::" + bucket + "/k" + i));
        }
        return new WorkloadSpec("W1", List.of(p), probes);
    }

    /** 10 policies x 10 statements with tag, IP, MFA and date conditions. */
    static WorkloadSpec w2() {
        List<List<Rule>> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            List<Rule> rules = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                String svc = SERVICES[(p + j) % SERVICES.length];
                String res = "arn:aws:" + svc + ":us-east-1:" + ACCOUNT + ":app" + p + "/*";
                boolean deny = j == 9;
                List<String> actions = deny ? List.of(svc + ":Delete*")
                        : j % 2 == 0 ? List.of(svc + ":Get*", svc + ":List*") : List.of(svc + ":PutItem" + j);
                List<Rule.Condition> cs = switch (j % 4) {
                    case 0 -> List.of(new Rule.TeamEquals(p % 2 == 0 ? "blue" : "red"));
                    case 1 -> List.of(new Rule.SourceIpIn("10.0.0.0/8"), new Rule.MfaPresent());
                    case 2 -> List.of(new Rule.Before(Y2030));
                    default -> List.of(new Rule.MfaPresent(), new Rule.TeamEquals("blue"));
                };
                rules.add(new Rule(!deny, actions, List.of(res), deny ? List.of(new Rule.SourceIpIn("192.168.0.0/16"))
                        : cs));
            }
            policies.add(rules);
        }
        Random rnd = new Random(2);
        String[] verbs = {"GetObject", "ListThings", "DeleteThing", "PutItem1", "PutItem3", "PutItem5", "Describe"};
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String svc = SERVICES[rnd.nextInt(SERVICES.length)];
            String action = svc + ":" + verbs[rnd.nextInt(verbs.length)];
            String res = "arn:aws:" + svc + ":us-east-1:" + ACCOUNT + ":app" + rnd.nextInt(12) + "/r" + i;
            probes.add(probe(rnd, action, res));
        }
        return new WorkloadSpec("W2", policies, probes);
    }

    /**
     * {@code services} x 5 statements over 10 policies, each naming exact actions of one service;
     * requests all target the same service, so about five statements can match.
     */
    static WorkloadSpec indexed(String name, int services) {
        List<List<Rule>> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            policies.add(new ArrayList<>());
        }
        int n = 0;
        for (int s = 0; s < services; s++) {
            for (int k = 0; k < 5; k++) {
                String svc = String.format("svc%03d", s);
                boolean deny = k == 4;
                Rule r = new Rule(!deny, List.of(svc + ":Action" + k, svc + ":Action" + (k + 5)),
                        List.of("arn:aws:" + svc + ":us-east-1:" + ACCOUNT + ":thing/" + (deny ? "secret*" : "*")),
                        k == 1 ? List.of(new Rule.TeamEquals("blue")) : List.of());
                policies.get(n++ % 10).add(r);
            }
        }
        Random rnd = new Random(3);
        List<Probe> probes = new ArrayList<>();
        String svc = String.format("svc%03d", services / 3);
        for (int i = 0; i < 2000; i++) {
            String action = svc + ":Action" + rnd.nextInt(12);
            String res = "arn:aws:" + svc + ":us-east-1:" + ACCOUNT + ":thing/" + (rnd.nextInt(5) == 0 ? "secret" : "t") + i;
            probes.add(probe(rnd, action, res));
        }
        return new WorkloadSpec(name, policies, probes);
    }

    /** Wildcards everywhere: in service prefixes, action names and ARN fields. */
    static WorkloadSpec w5() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String svc = SERVICES[i];
            rules.add(new Rule(true, List.of(svc + ":*Get*", svc + ":List*"), List.of("arn:aws:" + svc + ":*:*:*"),
                    List.of()));
            rules.add(new Rule(true, List.of(svc + ":Put*"), List.of("arn:aws:" + svc + ":*:" + ACCOUNT + ":team-blue-*"),
                    List.of(new Rule.TeamEquals("blue"))));
            rules.add(new Rule(true, List.of("*:Describe*"), List.of("*"), List.of(new Rule.MfaPresent())));
            rules.add(new Rule(false, List.of(svc + ":Delete*", svc + ":Put*Policy"),
                    List.of("arn:aws:" + svc + ":*:*:prod-*"), List.of()));
            rules.add(new Rule(true, List.of("*"), List.of("arn:aws:" + svc + ":*:*:sandbox-*/*"),
                    List.of(new Rule.SourceIpIn("10.0.0.0/8"))));
        }
        Random rnd = new Random(5);
        String[] verbs = {"GetObject", "BatchGetItem", "ListThings", "PutThing", "PutBucketPolicy", "DeleteThing",
            "DescribeThing", "CreateThing"};
        String[] prefixes = {"prod-", "team-blue-", "sandbox-", "misc-"};
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String svc = SERVICES[rnd.nextInt(SERVICES.length)];
            String res = "arn:aws:" + svc + ":eu-west-1:" + ACCOUNT + ":" + prefixes[rnd.nextInt(prefixes.length)] + i
                    + (rnd.nextBoolean() ? "/x" : "");
            probes.add(probe(rnd, svc + ":" + verbs[rnd.nextInt(verbs.length)], res));
        }
        return new WorkloadSpec("W5", List.of(rules.subList(0, 25), rules.subList(25, 50)), probes);
    }

    private static Probe probe(Random rnd, String action, String resource) {
        return new Probe(action, resource, rnd.nextBoolean() ? "blue" : "red",
                rnd.nextBoolean() ? "10.1.2.3" : "192.168.7.9", rnd.nextInt(3) > 0, rnd.nextInt(5) > 0 ? NOW : LATER);
    }

    int statementCount() {
        return policies.stream().mapToInt(List::size).sum();
    }
}
