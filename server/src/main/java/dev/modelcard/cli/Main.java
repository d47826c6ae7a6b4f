package dev.modelcard.cli;

import dev.modelcard.lsp.ServerLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code modelcard-ls}: the language server by default, the checker as {@code check}. */
@Command(name = "modelcard-ls",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {CheckCommand.class, NewCommand.class},
        description = {
            "Language server and checker for model card Markdown (CZI and BioImage Model Zoo templates).",
            "Without a command it runs the language server on standard input and output."
        })
public final class Main implements Callable<Integer> {
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
        System.exit(new CommandLine(new Main()).execute(args));
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
