using System.Text.Json.Nodes;

namespace EfficiencyMisnomer.Testing;

/// <summary>Edits of a BenchmarkDotNet full JSON results file, as if the code had changed between two runs.</summary>
internal static class ResultsEdits
{
    /// <summary>Case <paramref name="name"/> made <paramref name="factor"/> times slower: its statistics and every raw measurement.</summary>
    public static void Slow(string path, string name, double factor) => Edit(path, name, benchmark =>
    {
        var statistics = benchmark["Statistics"]!;
        foreach (var member in new[] { "Mean", "Median", "StandardDeviation" })
        {
            statistics[member] = (double)statistics[member]! * factor;
        }

        statistics["Percentiles"]!["P95"] = (double)statistics["Percentiles"]!["P95"]! * factor;
        foreach (var measurement in benchmark["Measurements"]!.AsArray())
        {
            measurement!["Nanoseconds"] = (double)measurement["Nanoseconds"]! * factor;
        }
    });

    /// <summary>Case <paramref name="name"/> allocating <paramref name="bytes"/> per operation.</summary>
    public static void Allocates(string path, string name, long bytes) =>
        Edit(path, name, benchmark => benchmark["Memory"]!["BytesAllocatedPerOperation"] = bytes);

    /// <summary>The results as if another machine had run them.</summary>
    public static void OtherProcessor(string path, string processor)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["HostEnvironmentInfo"]!["ProcessorName"] = processor;
        File.WriteAllText(path, json.ToJsonString());
    }

    /// <summary>
    /// Every case's measured iterations repeated as further launches (BenchmarkDotNet's <c>LaunchIndex</c> 2, 3, ...),
    /// each scaled by its factor: the launches of a quiet, dedicated runner, which agree within a fraction of a percent.
    /// </summary>
    public static void AsLaunches(string path, params double[] scales)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var benchmark in json["Benchmarks"]!.AsArray())
        {
            var measurements = benchmark!["Measurements"]!.AsArray();
            var measured = measurements.Where(m => (string?)m!["IterationMode"] == "Workload" && (string?)m["IterationStage"] is "Actual" or "Result").ToList();
            for (var launch = 0; launch < scales.Length; launch++)
            {
                foreach (var measurement in measured)
                {
                    var copy = measurement!.DeepClone();
                    copy["LaunchIndex"] = launch + 2;
                    copy["Nanoseconds"] = (double)copy["Nanoseconds"]! * scales[launch];
                    measurements.Add(copy);
                }
            }
        }

        File.WriteAllText(path, json.ToJsonString());
    }

    private static void Edit(string path, string name, Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json["Benchmarks"]!.AsArray().Single(b => (string?)b!["FullName"] == name)!);
        File.WriteAllText(path, json.ToJsonString());
    }
}
