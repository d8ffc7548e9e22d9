using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Exporters;

/// <summary>Reports of several runs: the merge a report makes of its documents.</summary>
public sealed class ReportMergeTests
{
    [Test]
    public void Two_machines_runs_of_the_same_models_become_one_document()
    {
        var document = SampleResults.Document();
        var cpu = Only(document, SampleResults.Cpu);
        var gpu = Only(document, SampleResults.Gpu);
        var united = ResultsMerger.Merge(new[] { cpu, gpu });
        Assert.Multiple(() =>
        {
            Assert.That(united.Machines.Select(m => m.Id), Is.EqualTo(new[] { SampleResults.Cpu, SampleResults.Gpu }));
            Assert.That(united.Specs, Has.Count.EqualTo(1));
            Assert.That(united.Specs[0].Models.Select(m => m.Name), Is.EqualTo(new[] { "vit-d48", "vit-w3072", SampleResults.Odd }));
            Assert.That(united.Specs[0].Model("vit-d48")!.Runtime.Select(r => r.Machine), Is.EqualTo(new[] { SampleResults.Cpu }));
            Assert.That(united.Specs[0].Model(SampleResults.Odd)!.Runtime.Select(r => r.Machine), Is.EqualTo(new[] { SampleResults.Gpu }));
            Assert.That(united.Specs[0].Model("vit-d48")!.Verdicts, Has.Count.EqualTo(2), "the same verdict in both documents is kept once");
            Assert.That(united.Specs[0].Model("vit-d48")!.Static, Has.Count.EqualTo(5));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_newer_measurement_of_the_same_setup_replaces_the_older_in_either_order(bool newerFirst)
    {
        var first = SampleResults.Document();
        var model = first.Specs[0].Models[0];
        var rerun = model.Runtime[0] with { Indicators = new[] { new IndicatorResult("latency.p50", "s", 0.002) } };
        var second = first with
        {
            Created = first.Created.AddHours(1),
            Specs = new[] { first.Specs[0] with { Models = new[] { model with { Runtime = new[] { rerun }, Verdicts = Array.Empty<VerdictResult>() } } } },
        };
        var united = ResultsMerger.Merge(newerFirst ? new[] { second, first } : new[] { first, second });
        var runs = united.Specs[0].Model(model.Name)!.Runtime;
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0].Indicator("latency.p50")!.Value, Is.EqualTo(0.002));
    }

    /// <summary>The document as one machine's run: its machine, and only the runtime entries measured on it.</summary>
    private static EfficiencyResults Only(EfficiencyResults document, string machine) => document with
    {
        Machines = document.Machines.Where(m => m.Id == machine).ToList(),
        Specs = document.Specs.Select(s => s with
        {
            Models = s.Models.Select(m => m with { Runtime = m.Runtime.Where(r => r.Machine == machine).ToList() }).ToList(),
        }).ToList(),
    };
}
