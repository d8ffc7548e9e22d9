using System.Text;
using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// BenchmarkDotNet's full JSON results, read from a file its exporter wrote (BenchmarkDotNet 0.15.8, a class with a
/// memory diagnoser, two methods at two sizes, 8 iterations each), and the hostile shapes such a file can take.
/// </summary>
public sealed class BenchmarkResultsFileTests
{
    public static string Fixture => Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json");

    [Test]
    public void Every_case_is_read_with_its_parameters_in_its_name()
    {
        var run = BenchmarkResultsFile.Read(Fixture);

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.Name), Is.EqualTo(new[] { "Text.Join(Size: 16)", "Text.Sum(Size: 16)", "Text.Join(Size: 256)", "Text.Sum(Size: 256)" }));
            Assert.That(run.Host.Processor, Is.EqualTo("AMD EPYC"));
            Assert.That(run.Host.LogicalCores, Is.EqualTo(2));
            Assert.That(run.Host.BenchmarkDotNetVersion, Is.EqualTo("0.15.8"));
        });
    }

    [Test]
    public void Statistics_memory_and_raw_measurements_are_those_written()
    {
        var join = BenchmarkResultsFile.Read(Fixture).Cases[0];

        Assert.Multiple(() =>
        {
            Assert.That(join.Statistics!.Mean, Is.EqualTo(168.18834882974625));
            Assert.That(join.Statistics.Median, Is.EqualTo(164.9217485189438));
            Assert.That(join.Statistics.P95, Is.EqualTo(194.46474477052686));
            Assert.That(join.Statistics.StandardDeviation, Is.EqualTo(17.47160774589957));
            Assert.That(join.Statistics.Count, Is.EqualTo(8));
            Assert.That(join.Memory, Is.EqualTo(new BenchmarkMemory(272, 0, 0, 4194304, 136)));
            Assert.That(join.Samples, Has.Count.EqualTo(8), "one per measured iteration (Workload/Result)");
            Assert.That(join.Samples, Has.All.InRange(100.0, 400.0), "nanoseconds per operation, overhead subtracted");
        });
    }

    [Test]
    public void Indicators_are_in_milliseconds_per_operation_with_rates_and_collections_per_thousand()
    {
        var values = BenchmarkCaseIndicators.Of(BenchmarkResultsFile.Read(Fixture).Cases[0]).ToDictionary(v => v.Name, v => v.Value);

        Assert.Multiple(() =>
        {
            Assert.That(values[BenchmarkIndicators.Mean.Name], Is.EqualTo(168.18834882974625e-6).Within(1e-15));
            Assert.That(values[BenchmarkIndicators.P95.Name], Is.EqualTo(194.46474477052686e-6).Within(1e-15));
            Assert.That(values[BenchmarkIndicators.OperationsPerSecond.Name], Is.EqualTo(1e9 / 168.18834882974625).Within(1e-6));
            Assert.That(values[BenchmarkIndicators.Allocated.Name], Is.EqualTo(136));
            Assert.That(values[BenchmarkIndicators.Gen0.Name], Is.EqualTo(272 * 1000.0 / 4194304).Within(1e-12), "BenchmarkDotNet's Gen0 column: 0.0648");
            Assert.That(values[BenchmarkIndicators.Gen2.Name], Is.Zero);
        });
    }

    [Test]
    public void A_run_without_a_memory_diagnoser_has_no_allocations_rather_than_zero()
    {
        var json = Case("\"Statistics\":" + Statistics + ",\"Memory\":{\"Gen0Collections\":0,\"Gen1Collections\":0,\"Gen2Collections\":0,\"TotalOperations\":0,\"BytesAllocatedPerOperation\":0}");

        var benchmark = Parse(json).Cases.Single();

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.Memory, Is.Null);
            Assert.That(BenchmarkCaseIndicators.Of(benchmark).Select(v => v.Name), Does.Not.Contain(BenchmarkIndicators.Allocated.Name));
            Assert.That(BenchmarkCaseIndicators.Missing(benchmark, BenchmarkIndicators.Allocated), Does.Contain("[MemoryDiagnoser]"));
        });
    }

    [Test]
    public void A_statistic_written_as_an_empty_string_or_NaN_is_unknown()
    {
        var json = Case("\"Statistics\":{\"N\":1,\"Mean\":10,\"Median\":10,\"StandardDeviation\":\"\",\"Percentiles\":{\"P95\":\"NaN\"}}");

        var statistics = Parse(json).Cases.Single().Statistics!;

        Assert.That((statistics.StandardDeviation, statistics.P95), Is.EqualTo(((double?)null, (double?)null)));
    }

    [Test]
    public void A_failed_case_has_no_statistics_and_says_so()
    {
        var benchmark = Parse(Case("\"Statistics\":null")).Cases.Single();

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.Statistics, Is.Null);
            Assert.That(BenchmarkCaseIndicators.Of(benchmark), Is.Empty);
            Assert.That(BenchmarkCaseIndicators.Missing(benchmark, BenchmarkIndicators.Mean), Does.Contain("failed or did not run"));
        });
    }

    [TestCase("", "(1,1): not a BenchmarkDotNet full JSON results file", TestName = "Empty file")]
    [TestCase("{\"Benchmarks\":[", "(1,16)", TestName = "Truncated JSON")]
    [TestCase("Mean,Median\n1,2\n", "(1,1)", TestName = "CSV exporter output")]
    [TestCase("{\"Title\":\"t\"}", "no 'Benchmarks' list", TestName = "Another JSON document")]
    [TestCase("{\"Benchmarks\":{}}", "'Benchmarks' is an object, not a list", TestName = "Benchmarks as an object")]
    [TestCase("{\"Benchmarks\":[42]}", "'Benchmarks[0]' is not an object", TestName = "A case that is a number")]
    [TestCase("{\"Benchmarks\":[{\"Type\":\"T\"}]}", "'Benchmarks[0].FullName' is missing or empty", TestName = "A case without a name")]
    [TestCase("{\"Benchmarks\":[{\"FullName\":7}]}", "'Benchmarks[0].FullName' is a number, not a string", TestName = "A name that is a number")]
    [TestCase("{\"Benchmarks\":[{\"FullName\":\"T.M\",\"Statistics\":{\"Mean\":\"fast\",\"Median\":1}}]}", "'Benchmarks[0].Statistics.Mean' is not a finite number", TestName = "A mean that is a word")]
    [TestCase("{\"Benchmarks\":[{\"FullName\":\"T.M\",\"Statistics\":{\"Mean\":1e400,\"Median\":1}}]}", "'Benchmarks[0].Statistics.Mean' is not a finite number", TestName = "A mean too large to hold")]
    [TestCase("{\"Benchmarks\":[{\"FullName\":\"T.M\",\"Memory\":{\"TotalOperations\":-5}}]}", "'Benchmarks[0].Memory.TotalOperations' is not a whole, non-negative number", TestName = "Negative operations")]
    [TestCase("{\"Benchmarks\":[{\"FullName\":\"T.M\",\"Measurements\":[null]}]}", "'Benchmarks[0].Measurements[0]' is not an object", TestName = "A null measurement")]
    public void A_file_that_is_not_full_json_results_is_refused_with_the_file_and_the_member(string json, string expected)
    {
        var e = Assert.Throws<EfficiencyException>(() => Parse(json));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Code, Is.EqualTo(ErrorCodes.BenchmarkResultsUnreadable));
            Assert.That(e.Message, Does.StartWith("run.json"));
            Assert.That(e.Message, Does.Contain(expected));
        });
    }

    [Test]
    public void Nesting_beyond_any_results_file_is_refused_not_recursed()
    {
        var json = "{\"Benchmarks\":[{\"FullName\":\"T.M\",\"Metrics\":" + new string('[', 100_000) + new string(']', 100_000) + "}]}";

        var e = Assert.Throws<EfficiencyException>(() => Parse(json));

        Assert.That(e!.Code, Is.EqualTo(ErrorCodes.BenchmarkResultsUnreadable));
    }

    [Test]
    public void A_folder_gives_its_full_json_files_and_a_pattern_the_files_it_matches()
    {
        var folder = Directory.CreateTempSubdirectory("bdn-results-").FullName;
        try
        {
            foreach (var name in new[] { "B-report-full.json", "A-report-full.json", "A-report.json", "A-report.csv" })
            {
                File.WriteAllText(Path.Combine(folder, name), "{}");
            }

            Assert.Multiple(() =>
            {
                Assert.That(BenchmarkResultsFile.Find(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "A-report-full.json", "B-report-full.json" }));
                Assert.That(BenchmarkResultsFile.Find(Path.Combine(folder, "A-*.json")).Select(Path.GetFileName), Is.EqualTo(new[] { "A-report-full.json", "A-report.json" }));
                Assert.That(BenchmarkResultsFile.Find(Path.Combine(folder, "A-report.csv")).Select(Path.GetFileName), Is.EqualTo(new[] { "A-report.csv" }));
                Assert.That(BenchmarkResultsFile.Find(Path.Combine(folder, "missing.json")), Is.Empty);
                Assert.That(BenchmarkResultsFile.Find(Path.Combine(folder, "nowhere", "*.json")), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Statistics = "{\"N\":8,\"Mean\":100,\"Median\":90,\"StandardDeviation\":5,\"Percentiles\":{\"P95\":120}}";

    private static string Case(string members) => "{\"HostEnvironmentInfo\":{\"ProcessorName\":\"cpu\"},\"Benchmarks\":[{\"FullName\":\"T.M\"," + members + "}]}";

    private static BenchmarkRun Parse(string json) => BenchmarkResultsFile.Parse(Encoding.UTF8.GetBytes(json), "run.json");
}
