using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// The CI recipes of docs/ci.md are what they claim: every block is valid YAML, and every misnomer command in them,
/// its CI variables filled in, parses with this version's commands and options.
/// </summary>
public sealed partial class CiRecipeTests
{
    private static readonly string Recipes = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "ci.md"));

    private static IEnumerable<string> Blocks => YamlBlock().Matches(Recipes).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> Commands => Blocks
        .SelectMany(b => b.Split('\n'))
        .SelectMany(line => Invocation().Matches(line).Select(m => m.Groups[1].Value.Trim()))
        .Distinct(StringComparer.Ordinal);

    [Test]
    public void The_recipes_hold_the_jobs_they_describe()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Blocks.Count(), Is.GreaterThanOrEqualTo(4), "GitHub pull request and release, Azure pull request, dotnet test");
            Assert.That(Commands, Has.Some.StartsWith("run ").And.Some.Contains("--against origin/"));
            Assert.That(Commands, Has.Some.StartsWith("report ").And.Some.Contains("--markdown"));
            Assert.That(Recipes, Does.Contain("fetch-depth: 0").And.Contain("fetchDepth: 0"), "a comparison with the base branch needs its history");
        });
    }

    [TestCaseSource(nameof(Blocks))]
    public void Each_block_is_valid_yaml(string block)
    {
        var stream = new YamlStream();
        Assert.DoesNotThrow(() => stream.Load(new StringReader(block)));
        Assert.That(stream.Documents.Single().RootNode, Is.Not.Null);
    }

    [TestCaseSource(nameof(Commands))]
    public void Each_misnomer_command_parses(string command)
    {
        var filled = CiVariable().Replace(command, "main");
        var args = filled.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(MisnomerCli.ParseErrors(args), Is.Empty, filled);
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    /// <summary>The arguments of a misnomer invocation, up to the end of the line or a shell operator.</summary>
    [GeneratedRegex(@"tool run misnomer (.+?)(?:\s*(?:\|\||&&|$))")]
    private static partial Regex Invocation();

    /// <summary>GitHub's <c>${{ ... }}</c> and Azure's <c>$(...)</c> macros.</summary>
    [GeneratedRegex(@"\$\{\{[^}]*\}\}|\$\([A-Za-z.]+\)")]
    private static partial Regex CiVariable();
}
