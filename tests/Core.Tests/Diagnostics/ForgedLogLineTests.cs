using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;
using EfficiencyMisnomer.Tests.Disagreement;

namespace EfficiencyMisnomer.Tests.Diagnostics;

/// <summary>
/// A name a spec or results document chooses (a model, a spec, a profile) cannot start a log line of its own, colour
/// the terminal or fake a passing line in any message or text the engine writes: every one is escaped and bounded.
/// </summary>
public sealed class ForgedLogLineTests
{
    private const string Forged = "tiny\n::error file=a.cs,line=1::forged\r\u001b[32mPASS\u2028";

    [Test]
    public void A_budget_breach_of_a_forged_model_name_is_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-forged-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny.onnx"));
            var spec = Path.Combine(folder, "spec.yaml");
            File.WriteAllText(spec, $"name: \"{Yaml(Forged)}\"\nmodels:\n  \"{Yaml(Forged)}\": {{ path: tiny.onnx }}\nbudgets:\n  macs: {{ max: 1M }}\n");

            var result = StaticGate.Check(new[] { spec });

            var breach = result.Diagnostics.Single(d => d.Code == ErrorCodes.BudgetExceeded);
            Assert.Multiple(() =>
            {
                Assert.That(breach.Message, Does.StartWith("model 'tiny\\n::error file=a.cs,line=1::forged\\r\\u001b[32mPASS\\u2028': macs "));
                AssertOneSafeLine(breach.ToString());
                foreach (var line in GateResultText.Table(result).Split(Environment.NewLine))
                {
                    AssertOneSafeLine(line);
                    Assert.That(line, Does.Not.StartWith("::"));
                }
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_disagreement_between_forged_names_is_one_line()
    {
        var spec = SpecResultsFactory.Spec(
            SpecResultsFactory.Model(Forged, ("params", 100), ("macs", 1000)),
            SpecResultsFactory.Model("other\u001b]0;title\u0007", ("params", 200), ("macs", 500))) with { Name = Forged };

        var result = DisagreementGate.Evaluate(spec, new Located<GateMode>(GateMode.Warn, new SourceLocation("s.yaml", 1, 1)));

        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Message, Does.Contain("tiny\\n::error"));
        AssertOneSafeLine(diagnostic.ToString());
        AssertOneSafeLine(result.Spec.Models[0].Verdicts.Single().Message);
    }

    [Test]
    public void A_markdown_report_of_forged_names_keeps_them_on_their_line()
    {
        var model = SpecResultsFactory.Model(Forged, ("params", 100));
        var document = new EfficiencyResults(DateTimeOffset.UnixEpoch, Array.Empty<MachineResults>(),
            new[] { SpecResultsFactory.Spec(model) with { Name = Forged, Path = "a\u001b[2J.yaml" } });

        var markdown = ResultsMarkdown.Render(document);

        Assert.That(markdown, Does.Not.Contain("\u001b").And.Not.Contain("\r").And.Not.Contain("\u2028"));
        Assert.That(markdown.Split('\n'), Has.None.StartsWith("::"));
    }

    [Test]
    public void Diagnostics_escape_their_location_and_message_whoever_built_them()
    {
        var diagnostic = Diagnostic.Error("EM0000", "line one\nline two", new SourceLocation("a\nb.yaml", 2, 3));
        Assert.That(diagnostic.ToString(), Is.EqualTo("a\\nb.yaml(2,3): error EM0000: line one\\nline two"));
    }

    private static void AssertOneSafeLine(string text) =>
        Assert.That(text.Any(UserText.IsUnsafe), Is.False, $"unescaped control or separator character in: {UserText.Escape(text)}");

    private static string Yaml(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\u2028", "\\L", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
