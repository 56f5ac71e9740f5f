/*
 * Copyright 2026 The modelprint authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.modelprint.cli;

import io.modelprint.LibraryVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code modelprint} command line: fingerprint a victim model into a file, verify suspects
 * (model files or HTTP APIs) against it, and serve a model file over HTTP for trying it out.
 *
 * <p>Exit codes: {@value #INDEPENDENT} independent (or success), {@value #STOLEN} stolen,
 * {@value #ERROR} error, {@value #INCONCLUSIVE} inconclusive. Every failure, an {@link Error}
 * such as {@link OutOfMemoryError} included, exits {@value #ERROR} with a one-line message on
 * standard error (the stack trace too with {@code --verbose}); no failure exits {@value #STOLEN}.
 * The launcher scripts run the JVM with {@code -Dmodelprint.cli.exitBase=10}, so that the program
 * exits 10 plus its code and anything else (the JVM failing to start, a crash, a kill) maps to
 * {@value #ERROR}.
 *
 * <pre>{@code
 * modelprint fingerprint --model demo/models/victim-mlp.zip --data-range 8000:10000 --scheme sac-m --out victim.fp.json
 * modelprint verify --fingerprint victim.fp.json --suspect demo/models/finetuned-copy.zip --json
 * }</pre>
 */
@Command(name = "modelprint", mixinStandardHelpOptions = true, versionProvider = ModelprintCli.Version.class,
        description = "Was this neural network stolen from mine? Fingerprint a model, verify suspects against it.",
        subcommands = {FingerprintCommand.class, VerifyCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:independent (verify), or success", "1:stolen (verify)", "2:error (any failure)",
                "3:inconclusive (verify)"})
public final class ModelprintCli {

    /** Exit code: the suspect is independent, or the command succeeded. */
    public static final int INDEPENDENT = 0;
    /** Exit code: the suspect is judged stolen. */
    public static final int STOLEN = 1;
    /** Exit code: something went wrong; the message says what. */
    public static final int ERROR = 2;
    /** Exit code of {@code verify} when the evidence cannot decide (the verdict says why). */
    public static final int INCONCLUSIVE = 3;

    /** The system property the launcher scripts set: the process exits with this plus the code. */
    public static final String EXIT_BASE_PROPERTY = "modelprint.cli.exitBase";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace as well as the message.")
    boolean verbose;

    /** Runs the command line and exits with its code (plus {@value #EXIT_BASE_PROPERTY} when set). */
    public static void main(String[] args) {
        int base = Integer.getInteger(EXIT_BASE_PROPERTY, 0);
        int code;
        try {
            // the console's encoding, as System.out itself uses
            Charset console = Charset.defaultCharset();
            code = run(new PrintWriter(new OutputStreamWriter(System.out, console), true),
                    new PrintWriter(new OutputStreamWriter(System.err, console), true), args);
        } catch (Throwable e) {   // even an Error thrown while printing: never leave with the JVM's own code
            code = ERROR;
            try {
                System.err.println("error: " + oneLine(e));
            } catch (Throwable ignored) {
                // nothing more can be said
            }
        }
        System.exit(base + code);
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            CommandLine cli = new CommandLine(new ModelprintCli());
            cli.getSubcommands().get("fingerprint").getCommandSpec().usageMessage()
                    .footer(FingerprintCommand.schemesHelp());
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler((e, line, parsed) -> fail(line, e, isVerbose(parsed)));
            cli.setParameterExceptionHandler((e, args2) -> {
                CommandLine c = e.getCommandLine();
                c.getErr().println("error: " + oneLine(e));
                c.getErr().println("see: modelprint " + (c.getCommandName().equals("modelprint") ? ""
                        : c.getCommandName() + " ") + "--help");
                return ERROR;
            });
            int code = cli.execute(args);
            return code == INDEPENDENT || code == STOLEN || code == INCONCLUSIVE ? code : ERROR;
        } catch (Throwable e) {   // picocli hands Errors (OutOfMemoryError, ...) on: they are failures too
            boolean verbose = false;
            for (String a : args) {
                verbose |= "--verbose".equals(a);
            }
            return fail(null, e, verbose);
        }
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult r = parsed;
        while (r != null) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
            r = r.hasSubcommand() ? r.subcommand() : null;
        }
        return false;
    }

    private static int fail(CommandLine line, Throwable e, boolean verbose) {
        PrintWriter err = line == null ? new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true)
                : line.getErr();
        err.println("error: " + oneLine(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ERROR;
    }

    /** The message of {@code e} on one line, with advice for the JVM's own errors. */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        String text = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        if (t instanceof OutOfMemoryError) {
            text = "out of memory (" + text + "): give the JVM more, such as JAVA_OPTS=-Xmx4g, or use fewer queries";
        } else if (t instanceof StackOverflowError) {
            text = "stack overflow: the input nests too deeply";
        } else if (t instanceof Error && !(t instanceof AssertionError)) {
            text = t.getClass().getSimpleName() + ": " + text;
        }
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The library version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"modelprint " + LibraryVersion.get()};
        }
    }
}
