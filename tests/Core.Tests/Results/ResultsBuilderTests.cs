using EfficiencyMisnomer.Gates;

namespace EfficiencyMisnomer.Tests.Results;

/// <summary>The static gate's findings as a results document.</summary>
public sealed class ResultsBuilderTests
{
    [Test]
    public void Static_gate_becomes_a_document_with_every_indicator_quality_and_verdict()
    {
        var spec = Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml");
        var gate = StaticGate.Check(new[] { spec });

        var document = ResultsBuilder.FromStatic(gate, DateTimeOffset.UnixEpoch);

        var specResults = document.Specs.Single();
        var model = specResults.Models.Single();
        Assert.Multiple(() =>
        {
            Assert.That(document.Machines, Is.Empty);
            Assert.That(specResults.Name, Is.EqualTo("tiny-cnn"));
            Assert.That(specResults.Disagreement, Is.EqualTo("warn"));
            Assert.That(model.Quality["top1"], Is.EqualTo(0.61));
            Assert.That(model.StaticIndicator("params")!.Value, Is.EqualTo(24_458));
            Assert.That(model.StaticIndicator("macs")!.Value, Is.EqualTo(2_802_304));
            Assert.That(model.Static.Select(i => i.Name), Is.EqualTo(gate.Models.Single().Report!.Indicators.Select(i => i.Name)));
            Assert.That(model.Verdicts.Where(v => v.Kind == "budget").ToList(), Has.Count.EqualTo(gate.Models.Single().Verdicts.Count));
            // The sample's baseline is not recorded in the repository: its regression verdicts are skipped.
            Assert.That(model.Verdicts.Where(v => v.Kind == "regression").Select(v => v.Status), Is.All.EqualTo("skipped"));
            Assert.That(model.Verdicts.Select(v => v.Kind).Distinct(), Is.EquivalentTo(new[] { "budget", "regression" }));
            Assert.That(model.Verdicts.Single(v => v.Kind == "budget" && v.Indicator == "params").Reference, Is.EqualTo(30_000));
            Assert.That(model.Verdicts.Single(v => v.Kind == "budget" && v.Indicator == "params").Location, Does.Match(@"tiny-cnn\.yaml\(\d+,\d+\)$"));
            Assert.That(model.Runtime, Is.Empty);
        });
    }

    [Test]
    public void A_model_that_cannot_be_analysed_has_no_static_indicators()
    {
        var folder = Directory.CreateTempSubdirectory("results-builder-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.onnx"), "not a model");
            var spec = Path.Combine(folder.FullName, "spec.yaml");
            File.WriteAllText(spec, "models:\n  broken: { path: broken.onnx }\nbudgets:\n  params: { max: 1M }\n");

            var document = ResultsBuilder.FromStatic(StaticGate.Check(new[] { spec }), DateTimeOffset.UnixEpoch);

            var model = document.Specs.Single().Model("broken")!;
            Assert.That(model.Static, Is.Empty);
            Assert.That(model.Verdicts, Is.Empty);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
