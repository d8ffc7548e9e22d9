using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Results;

/// <summary>A merge gives the same document whatever order its inputs are given in; duplicates resolve to the newest.</summary>
public sealed class ResultsMergerOrderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Every_order_of_the_same_documents_gives_the_same_document()
    {
        var documents = new[]
        {
            Document(Monday, machine: "cpu-1", summary: "old description", top1: 0.70, latency: 0.004, specPath: "specs/old.yaml", extraModel: "b"),
            Document(Monday.AddHours(1), machine: "cpu-1", summary: "new description", top1: 0.75, latency: 0.003, specPath: "specs/new.yaml", extraModel: "a"),
            Document(Monday.AddHours(2), machine: "gpu-2", summary: "a gpu", top1: 0.75, latency: 0.0004, specPath: "specs/new.yaml", extraModel: null),
            Document(Monday.AddHours(2), machine: "gpu-3", summary: "another gpu created at the same instant", top1: 0.80, latency: 0.0005, specPath: "specs/tie.yaml", extraModel: null),
        };
        var sources = documents.Select((_, i) => $"d{i}.json").ToArray();
        var expected = ResultsJson.Write(ResultsMerger.Merge(documents, sources));

        foreach (var order in Permutations(Enumerable.Range(0, documents.Length).ToList()))
        {
            var merged = ResultsMerger.Merge(order.Select(i => documents[i]).ToList(), order.Select(i => sources[i]).ToList());
            Assert.That(ResultsJson.Write(merged), Is.EqualTo(expected), string.Join(",", order));
        }

        var result = ResultsMerger.Merge(documents);
        var model = result.Specs[0].Model("m")!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Machine("cpu-1")!.Summary, Is.EqualTo("new description"), "the newer description of a machine");
            Assert.That(model.Runtime.Single(r => r.Machine == "cpu-1").Indicator("latency.p50")!.Value, Is.EqualTo(0.003), "the newer re-run");
            Assert.That(result.Specs[0].Models.Select(m => m.Name), Is.EqualTo(new[] { "m", "b", "a" }), "the oldest document's order, then what newer ones add");
            Assert.That(result.Created, Is.EqualTo(Monday.AddHours(2)));
        });
    }

    [Test]
    public void The_same_document_twice_is_itself()
    {
        var document = Document(Monday, "cpu-1", "cpu", 0.7, 0.003, "specs/a.yaml", null);
        Assert.That(ResultsJson.Write(ResultsMerger.Merge(new[] { document, document })), Is.EqualTo(ResultsJson.Write(ResultsMerger.Merge(new[] { document }))));
    }

    [Test]
    public void A_conflict_is_refused_in_every_order_with_the_same_message()
    {
        var a = Document(Monday, "cpu-1", "cpu", 0.7, 0.003, "specs/a.yaml", null, paramsValue: 10);
        var b = Document(Monday.AddHours(1), "gpu-2", "gpu", 0.7, 0.003, "specs/a.yaml", null, paramsValue: 11);
        var ab = Assert.Throws<EfficiencyException>(() => ResultsMerger.Merge(new[] { a, b }, new[] { "a.json", "b.json" }))!;
        var ba = Assert.Throws<EfficiencyException>(() => ResultsMerger.Merge(new[] { b, a }, new[] { "b.json", "a.json" }))!;
        Assert.That((ab.Code, ab.Message), Is.EqualTo((ErrorCodes.ResultsConflict, ba.Message)));
    }

    [Test]
    public void The_same_indicator_twice_in_one_document_is_a_conflict_not_a_crash()
    {
        var document = Document(Monday, "cpu-1", "cpu", 0.7, 0.003, "specs/a.yaml", null);
        var model = document.Specs[0].Models[0];
        var twice = model with { Static = new[] { new IndicatorResult("params", "count", 1), new IndicatorResult("params", "count", 2) } };
        var broken = document with { Specs = new[] { document.Specs[0] with { Models = new[] { twice } } } };
        Assert.That(Assert.Throws<EfficiencyException>(() => ResultsMerger.Merge(new[] { broken }))!.Code, Is.EqualTo(ErrorCodes.ResultsConflict));
    }

    private static EfficiencyResults Document(DateTimeOffset created, string machine, string summary, double top1, double latency, string specPath, string? extraModel, double paramsValue = 100)
    {
        var models = new List<ModelResults>
        {
            new("m", "m.onnx", new Dictionary<string, double> { ["top1"] = top1 },
                new[] { new IndicatorResult("params", "count", paramsValue) },
                new[]
                {
                    new RuntimeResults(machine, "ci", 1, "cpu", new Dictionary<string, string>(),
                        new[] { new IndicatorResult("latency.p50", "ms", latency) }, new[] { latency }, Array.Empty<string>()),
                },
                new[] { new VerdictResult("budget", "params", "pass", $"seen on {machine}") }),
        };
        if (extraModel is not null)
        {
            models.Add(new ModelResults(extraModel, extraModel + ".onnx", new Dictionary<string, double>(), Array.Empty<IndicatorResult>(),
                Array.Empty<RuntimeResults>(), Array.Empty<VerdictResult>()));
        }

        return new EfficiencyResults(created, new[] { new MachineResults(machine, summary, new Dictionary<string, string>()) },
            new[] { new SpecResults("s", specPath, "warn", models) });
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var first in items)
        {
            foreach (var rest in Permutations(items.Where(i => i != first).ToList()))
            {
                yield return new[] { first }.Concat(rest).ToList();
            }
        }
    }
}
