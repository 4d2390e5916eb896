package io.huiwen.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the command, its {@code --name=value} options (also handed to Spring
 * as configuration) and its operands (files, folders, URLs).
 */
record Invocation(String command, Map<String, String> options, List<String> operands, List<String> springArgs) {

    static final List<String> COMMANDS = List.of("serve", "extract", "import", "reindex", "reextract", "source", "help");

    static Invocation parse(String[] args) {
        String command = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        boolean onlyOperands = false;
        for (String arg : args) {
            if (!onlyOperands && arg.equals("--")) {
                onlyOperands = true;
            } else if (!onlyOperands && arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                options.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
                springArgs.add(arg);
            } else if (command == null && operands.isEmpty() && !onlyOperands && (COMMANDS.contains(arg) || arg.equals("-h"))) {
                command = arg.equals("-h") ? "help" : arg;
            } else {
                operands.add(arg);
            }
        }
        if (options.containsKey("help")) {
            command = "help";
        }
        return new Invocation(command == null ? (operands.isEmpty() ? "serve" : "unknown") : command, options, operands, springArgs);
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name));
    }
}
