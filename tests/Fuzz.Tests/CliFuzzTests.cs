using System.Text.RegularExpressions;
using EfficiencyMisnomer.Cli;
using EfficiencyMisnomer.Fuzz.Tests.Generators;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The command line (<c>MisnomerCli.Run</c> in process) on random argument vectors: exit 0, 1 or 2, never 3; a
/// failure says why with a coded error on stderr; no stack trace, no unescaped control character, no file contents;
/// nothing written through a link or into a FIFO.
/// </summary>
public sealed partial class CliFuzzTests
{
    private static Workspace workspace = null!;

    [OneTimeSetUp]
    public static void CreateWorkspace()
    {
        workspace = new Workspace("cli");
        File.WriteAllText(workspace.File_("victim.txt"), "replaceable");
        File.WriteAllText(workspace.File_("-x"), "a file whose name looks like an option");
        File.WriteAllText(workspace.File_("empty.json"), "");
        File.WriteAllText(workspace.File_("名前.yaml"), "name: x\n");
        var (code, stdout, stderr) = Execute(workspace, new[] { "check", workspace.ValidSpec, "--results", workspace.File_("results.json") });
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
        (code, stdout, stderr) = Execute(workspace, new[] { "baseline", "update", workspace.File_("results.json") });
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
    }

    [OneTimeTearDown]
    public static void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public void Random_command_lines_exit_with_a_code_and_a_coded_message()
    {
        FuzzRun.Check("cli-arguments", ArgsGen.Args, recipe => Run(workspace, Resolve(workspace, recipe)), ciIterations: 2000,
            print: recipe => recipe.ToString());
    }

    /// <summary>The path a token names in <paramref name="at"/>.</summary>
    internal static string[] Resolve(Workspace at, ArgsRecipe recipe) => recipe.Tokens.Select(t => t.IsPath ? PathOf(at, t.Text) : t.Text).ToArray();

    private static string PathOf(Workspace at, string name) => name switch
    {
        "spec" => at.ValidSpec,
        "results" => at.File_("results.json"),
        "model" => at.Model,
        "secret" => at.Secret,
        "fifo" => at.Fifo,
        "link" => at.Link,
        "missing" => at.File_("missing.yaml"),
        "folder" => at.File_("models"),
        "dash-file" => "-x",
        "long" => at.File_(new string('l', 5000)),
        "nul" => at.File_("a\0b"),
        "unicode" => at.File_("名前.yaml"),
        "empty-file" => at.File_("empty.json"),
        "baseline" => at.File_("baselines/tiny-cnn.json"),
        "out" => at.File_("out.json"),
        "victim" => at.File_("victim.txt"),
        "missing-folder/out" => at.File_("missing-folder/out.json"),
        "out-md" => at.File_("out.md"),
        "out-html" => at.File_("out.html"),
        _ => name,
    };

    /// <summary>Runs the command line in <paramref name="at"/> and checks the contract; the outcome is "exit N" with the first code printed.</summary>
    internal static string Run(Workspace at, string[] args)
    {
        var (code, stdout, stderr) = Execute(at, args);
        if (code is not (MisnomerCli.Success or MisnomerCli.Failure or MisnomerCli.Usage))
        {
            throw new InvariantBroken($"exit code {code}; stderr: {Diagnostics.UserText.Quote(stderr, 1500)}");
        }

        Invariants.PrintedText(stderr, "stderr");
        Invariants.PrintedText(stdout, "stdout");
        var first = CodedLine().Match(stderr);
        if (code != MisnomerCli.Success && !(first.Success && first.Groups[1].Value == "error") && !HelpOrVersion(args))
        {
            throw new InvariantBroken($"exit code {code} without a coded error on stderr: {Diagnostics.UserText.Quote(stderr, 1500)}");
        }

        if (Regex.IsMatch(stderr + stdout, @"\bEM9999\b"))
        {
            throw new InvariantBroken($"internal error: {Diagnostics.UserText.Quote(stderr, 1500)}");
        }

        if (at.Intact() is { } damage)
        {
            throw new InvariantBroken(damage);
        }

        return first.Success ? $"exit {code} {first.Groups[2].Value}" : $"exit {code}";
    }

    private static bool HelpOrVersion(string[] args) => args.Any(a => a is "--help" or "-h" or "-?" or "--version");

    /// <summary>Runs the tool in process with <paramref name="at"/> as the current folder (relative paths in results documents resolve there).</summary>
    private static (int Code, string Stdout, string Stderr) Execute(Workspace at, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var before = Environment.CurrentDirectory;
        Environment.CurrentDirectory = at.Root;
        try
        {
            var code = MisnomerCli.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }

    [GeneratedRegex(@"\b(error|warning|info) (EM\d{4}):")]
    private static partial Regex CodedLine();
}
