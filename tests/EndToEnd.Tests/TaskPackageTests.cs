namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// Packs the task package into a local folder feed, creates a throw-away consumer project that
/// references it by version, and runs the real <c>dotnet build</c> against specs within and over budget.
/// </summary>
[NonParallelizable]
public sealed class TaskPackageTests
{
    private const string GateTarget = "_EfficiencyGateCore";
    private string work = "";
    private string consumer = "";
    private string version = "";

    [OneTimeSetUp]
    public void PackAndCreateConsumer()
    {
        work = Path.Combine(Path.GetTempPath(), "misnomer-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(Path.Combine(consumer, "specs", "models"));
        version = $"0.0.1-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

        var root = RepositoryRoot.Path;
        var (code, output) = DotNet.Run(root, "pack", Path.Combine(root, "src", "Tasks"), "-c", "Release", "-o", feed,
            $"-p:Version={version}", "--nologo", "-nodeReuse:false");
        Assert.That(code, Is.Zero, output);

        File.Copy(Path.Combine(root, "specs", "models", "tiny-cnn.onnx"), Path.Combine(consumer, "specs", "models", "tiny-cnn.onnx"));
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EfficiencyMisnomer.Tasks" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Class1.cs"), "namespace Consumer; public static class Class1 { }\n");
        // Isolates the consumer from any Directory.Build.* above the temporary folder.
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.targets"), "<Project />\n");
    }

    [OneTimeTearDown]
    public void DeleteWork()
    {
        DotNet.Run(work, "build-server", "shutdown");
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void Within_budget_the_build_succeeds_and_writes_the_report()
    {
        WriteSpec("macs: { max: 10M }");

        var (code, output) = Build();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("efficiency gate: 1 spec(s), 1 model(s)"));
            Assert.That(File.Exists(Path.Combine(consumer, "obj", "Debug", "net10.0", "efficiency", "static-report.json")), Is.True);
        });
    }

    [Test]
    public void Over_budget_the_build_fails_with_the_canonical_diagnostic_pointing_into_the_yaml()
    {
        WriteSpec("macs: { max: 1M }");

        var (code, output) = Build();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero, output);
            Assert.That(output, Does.Match(@"specs/tiny\.yaml\(6,\d+\): error EM2101: model 'tiny': macs .* exceeds max "));
        });
    }

    [Test]
    public void With_gate_warn_the_build_succeeds_with_a_warning()
    {
        WriteSpec("macs: { max: 1M }");

        var (code, output) = Build("-p:EfficiencyGate=warn");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Match(@"specs/tiny\.yaml\(6,\d+\): warning EM2101: model 'tiny': macs"));
        });
    }

    [Test]
    public void A_second_build_with_nothing_changed_skips_the_gate()
    {
        WriteSpec("macs: { max: 10M }");
        var (first, firstOutput) = Build("-v:d");
        var (second, secondOutput) = Build("-v:d");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Zero, firstOutput);
            Assert.That(firstOutput, Does.Contain("efficiency gate: 1 spec(s)"));
            Assert.That(second, Is.Zero, secondOutput);
            Assert.That(secondOutput, Does.Contain($"Skipping target \"{GateTarget}\" because all output files are up-to-date"));
            Assert.That(secondOutput, Does.Not.Contain("efficiency gate: 1 spec(s)"));
        });
    }

    [Test]
    public void A_build_that_skips_the_gate_logs_its_warnings_again()
    {
        WriteSpec("macs: { max: 1M, severity: warning }");
        var (first, firstOutput) = Build("-v:d");
        var (second, secondOutput) = Build("-v:d");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Zero, firstOutput);
            Assert.That(firstOutput, Does.Match(@"specs/tiny\.yaml\(6,\d+\): warning EM2102: model 'tiny': macs"));
            Assert.That(second, Is.Zero, secondOutput);
            Assert.That(secondOutput, Does.Contain($"Skipping target \"{GateTarget}\" because all output files are up-to-date"));
            Assert.That(secondOutput, Does.Match(@"specs/tiny\.yaml\(6,\d+\): warning EM2102: model 'tiny': macs"), "the skipped gate's warning is logged again");
        });
    }

    [Test]
    public void Changing_the_model_runs_the_gate_again()
    {
        WriteSpec("macs: { max: 10M }");
        Assert.That(Build().ExitCode, Is.Zero);
        File.SetLastWriteTimeUtc(Path.Combine(consumer, "specs", "models", "tiny-cnn.onnx"), DateTime.UtcNow.AddSeconds(5));

        var (code, output) = Build();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("efficiency gate: 1 spec(s)"));
        });
    }

    [Test]
    public void Benchmark_results_written_or_deleted_after_a_build_run_the_gate_again_and_until_then_it_stays_up_to_date()
    {
        var results = Path.Combine(consumer, "specs", "results");
        File.WriteAllText(Path.Combine(consumer, "specs", "tiny.yaml"),
            "name: tiny\nmodels:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\n" +
            "benchmarks:\n  text:\n    results: results\n    budgets:\n      allocated: { max: 4 KiB }\n");
        try
        {
            var (first, firstOutput) = Build("-v:d");
            var (second, secondOutput) = Build("-v:d");
            Directory.CreateDirectory(results);
            File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json"), Path.Combine(results, "Text-report-full.json"));
            var (third, thirdOutput) = Build("-v:d");
            var (fourth, fourthOutput) = Build("-v:d");
            File.Delete(Path.Combine(results, "Text-report-full.json"));
            var (fifth, fifthOutput) = Build("-v:d");

            Assert.Multiple(() =>
            {
                Assert.That(first, Is.Zero, firstOutput);
                Assert.That(firstOutput, Does.Match(@"specs/tiny\.yaml\(7,\d+\): warning EM2302: benchmark 'text': no BenchmarkDotNet results"));
                Assert.That(secondOutput, Does.Contain($"Skipping target \"{GateTarget}\" because all output files are up-to-date"), "results not written yet keep the gate up to date");
                Assert.That(secondOutput, Does.Contain("warning EM2302"), "and its warning is logged again");
                Assert.That(third, Is.Zero, thirdOutput);
                Assert.That(thirdOutput, Does.Contain("efficiency gate: 1 spec(s)"), "results that appeared run the gate again");
                Assert.That(thirdOutput, Does.Not.Contain("warning EM2302"));
                Assert.That(fourthOutput, Does.Contain($"Skipping target \"{GateTarget}\" because all output files are up-to-date"));
                Assert.That(fifth, Is.Zero, fifthOutput);
                Assert.That(fifthOutput, Does.Contain("efficiency gate: 1 spec(s)"), "results deleted run the gate again");
                Assert.That(fifthOutput, Does.Match(@"warning EM2302: benchmark 'text': no BenchmarkDotNet results"));
            });
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    [Test]
    public void Malformed_yaml_fails_with_a_coded_error_and_no_stack_trace()
    {
        File.WriteAllText(Path.Combine(consumer, "specs", "tiny.yaml"), "name: tiny\nmodels:\n  tiny: { path: models/tiny-cnn.onnx\n");

        var (code, output) = Build();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero, output);
            Assert.That(output, Does.Match(@"specs/tiny\.yaml\(\d+,\d+\): error EM20\d\d: "));
            Assert.That(output, Does.Not.Contain("MSB4018"));
            Assert.That(output, Does.Not.Contain("   at "));
        });
    }

    private void WriteSpec(string budget) =>
        File.WriteAllText(Path.Combine(consumer, "specs", "tiny.yaml"),
            $"name: tiny\nmodels:\n  tiny: {{ path: models/tiny-cnn.onnx }}\nbind: {{ batch: 1 }}\nbudgets:\n  {budget}\n");

    private (int ExitCode, string Output) Build(params string[] extra) =>
        DotNet.Run(consumer, new[] { "build", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());
}
