package dev.modelcard.cli;

import dev.modelcard.lsp.ServerLauncher;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code modelcard-ls}: the language server by default, the checker as {@code check}. */
@Command(name = "modelcard-ls",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        subcommands = {CheckCommand.class, ReportCommand.class, NewCommand.class},
        description = {
            "Language server and checker for model card Markdown (CZI and BioImage Model Zoo templates).",
            "Without a command it runs the language server on standard input and output."
        })
public final class Main implements Callable<Integer> {
    /** The README's table of rule codes, where SARIF viewers send a user who asks about a rule. */
    static final String RULES_URL = "https://github.com/modelcard-ls/modelcard-ls/blob/main/README.md#rule-codes";

    @Option(names = "--stdio", description = "Run the language server on standard input and output (the default).")
    boolean stdio;

    @Override
    public Integer call() {
        return ServerLauncher.runOnStdio();
    }

    public static void main(String[] args) {
        // The server, as editors start it, answers its first request sooner without the command-line parser.
        if (args.length == 0 || args.length == 1 && args[0].equals("--stdio")) {
            System.exit(ServerLauncher.runOnStdio());
        }
        if (args.length == 2 && args[0].equals(Training.OPTION)) {
            System.exit(Training.run(Path.of(args[1])));
        }
        if (args.length == 2 && args[0].equals(CheckTraining.OPTION)) {
            System.exit(CheckTraining.run(Path.of(args[1])));
        }
        OptionalInt relaunched = Relaunch.run(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        // Results are many short lines: buffered, not flushed line by line, and UTF-8 whatever the locale.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        int status = run(args, out, stderr());
        out.flush();
        System.exit(status);
    }

    /** The commands; the plain {@code check} line without picocli (see {@link CheckCommand#plain}). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CheckCommand plain = CheckCommand.plain(args);
        int status = plain != null ? plain.runPlain(out, err, args)
                : new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
        err.flush();
        return status;
    }

    /** Standard error as picocli writes it by default: the console's encoding, else the platform's. */
    private static PrintWriter stderr() {
        String console = System.getProperty("sun.stderr.encoding");
        Charset charset = Charset.defaultCharset();
        try {
            charset = console == null ? charset
                    : Charset.forName(console.equalsIgnoreCase("cp65001") ? "UTF-8" : console);
        } catch (IllegalArgumentException e) {
            // an encoding this Java does not have: the platform's
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, charset)), true);
    }

    /** The version Maven writes into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"modelcard-ls " + version()};
        }
    }

    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/dev/modelcard/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
