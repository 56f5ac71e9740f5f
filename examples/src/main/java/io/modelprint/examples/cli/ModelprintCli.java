package io.modelprint.examples.cli;

import io.modelprint.LibraryVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code modelprint} command line: fingerprint a victim model into a file, verify suspects
 * (model files or HTTP APIs) against it, and serve a model file over HTTP for trying it out.
 *
 * <p>Exit codes: {@value #INDEPENDENT} independent (or success), {@value #STOLEN} stolen,
 * {@value #ERROR} error, {@value #INCONCLUSIVE} inconclusive.
 *
 * <pre>{@code
 * bin/modelprint fingerprint --model examples/models/victim-mlp.zip --data-range 8000:10000 --out victim.fp.json
 * bin/modelprint verify --fingerprint victim.fp.json --suspect examples/models/finetuned-copy.zip
 * }</pre>
 */
@Command(name = "modelprint", mixinStandardHelpOptions = true, versionProvider = ModelprintCli.Version.class,
        description = "Was this neural network stolen from mine? Fingerprint a model, verify suspects against it.",
        subcommands = {FingerprintCommand.class, VerifyCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:independent (verify), or success", "1:stolen (verify)", "2:error"})
public final class ModelprintCli {

    /** Exit code: the suspect is independent, or the command succeeded. */
    public static final int INDEPENDENT = 0;
    /** Exit code: the suspect is judged stolen. */
    public static final int STOLEN = 1;
    /** Exit code: something went wrong; the message says what. */
    public static final int ERROR = 2;

    /** Exit code of {@code verify} when the evidence cannot decide (the verdict says why). */
    public static final int INCONCLUSIVE = 3;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // the console's encoding, as System.out itself uses
        Charset console = Charset.defaultCharset();
        System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, console), true),
                new PrintWriter(new OutputStreamWriter(System.err, console), true), args));
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ModelprintCli());
        cli.getSubcommands().get("fingerprint").getCommandSpec().usageMessage().footer(FingerprintCommand.schemesHelp());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + message(e));
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("error: " + e.getMessage());
            c.getErr().println("see: modelprint " + (c.getCommandName().equals("modelprint") ? "" : c.getCommandName() + " ")
                    + "--help");
            return ERROR;
        });
        return cli.execute(args);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }

    /** The library version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"modelprint " + LibraryVersion.get()};
        }
    }
}
