namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// Packs the NUnit adapter and the engine packages it depends on into a local folder feed, creates a
/// throw-away NUnit project that references the adapter by version and holds one method with one
/// <c>[EfficiencySpecs]</c> attribute (no <c>[TestFixture]</c>), and runs the real <c>dotnet test</c> on a spec
/// within budget and a spec over budget, then lists the tests and runs them filtered by category.
/// </summary>
[NonParallelizable]
public sealed class TestAdapterPackageTests
{
    private string work = "";
    private int exitCode;
    private string output = "";
    private string listed = "";
    private string filtered = "";
    private string named = "";
    private string quiet = "";

    [OneTimeSetUp]
    public void PackCreateConsumerAndTest()
    {
        work = Path.Combine(Path.GetTempPath(), "misnomer-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(consumer);

        LocalFeed.Pack(feed, "TestAdapter", "Core", "Runtime", "OnnxRuntime.Cpu");
        LocalFeed.WriteNuGetConfig(consumer, feed, Path.Combine(work, "packages"));
        LocalFeed.IsolateFromParentFolders(consumer);
        SampleSpecs.WriteTo(consumer);
        // A profile no machine matches: its test is skipped, and the reason must be visible at default verbosity.
        File.AppendAllText(Path.Combine(consumer, "specs", "within.yaml"),
            "  elsewhere:\n    match: { provider: cpu, cpu: \"NoSuchCpu 9000*\" }\n    budgets:\n      latency.p50: { max: 1 s }\n");
        File.WriteAllText(Path.Combine(consumer, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EfficiencyMisnomer.TestAdapter" Version="{LocalFeed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{LocalFeed.CentralVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="NUnit" Version="{LocalFeed.CentralVersion("NUnit")}" />
                <PackageReference Include="NUnit3TestAdapter" Version="{LocalFeed.CentralVersion("NUnit3TestAdapter")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Efficiency.cs"), """
            using EfficiencyMisnomer.TestAdapter;
            using NUnit.Framework;

            namespace Consumer.Tests;

            // One attribute and nothing else: no [TestFixture], no other NUnit test in the assembly.
            public class Efficiency
            {
                [EfficiencySpecs("specs/*.yaml")]
                public void Budgets(EfficiencyCase c) => c.Assert();
            }

            """);
        // The CPU provider whatever the machine, so that the `cpu` profile runs; a short cap keeps the run quick.
        File.WriteAllText(Path.Combine(consumer, "efficiency.runsettings"), """
            <RunSettings>
              <TestRunParameters>
                <Parameter name="efficiency.provider" value="cpu" />
                <Parameter name="efficiency.timeCap" value="1" />
              </TestRunParameters>
            </RunSettings>
            """);

        (exitCode, output) = DotNet.Run(consumer, "test", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "--settings", "efficiency.runsettings", "--logger", "console;verbosity=normal");
        (_, quiet) = DotNet.Run(consumer, "test", "--nologo", "--no-build", "--settings", "efficiency.runsettings");
        (_, listed) = DotNet.Run(consumer, "test", "--nologo", "--no-build", "--list-tests");
        (_, filtered) = DotNet.Run(consumer, "test", "--nologo", "--no-build", "--settings", "efficiency.runsettings",
            "--filter", "TestCategory=efficiency-static", "--logger", "console;verbosity=normal");
        (_, named) = DotNet.Run(consumer, "test", "--nologo", "--no-build", "--settings", "efficiency.runsettings",
            "--filter", "Name=within/tiny/cpu", "--logger", "console;verbosity=normal");
    }

    [OneTimeTearDown]
    public void DeleteWork()
    {
        DotNet.Run(work, "build-server", "shutdown");
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void The_spec_within_budget_passes_its_static_and_runtime_tests() =>
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(@"Passed within/tiny/static"));
            Assert.That(output, Does.Match(@"Passed within/tiny/cpu"));
        });

    [Test]
    public void The_spec_over_budget_fails_naming_the_indicator_and_the_spec_location() =>
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero, output);
            Assert.That(output, Does.Match(@"Failed over/tiny/static"));
            Assert.That(output, Does.Match(@"specs[/\\]over\.yaml\(6,\d+\): .*macs"));
        });

    [Test]
    public void Only_the_breached_budget_fails() =>
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(@"Passed:\s+2\b"), output);
            Assert.That(output, Does.Match(@"Failed:\s+1\b"), output);
        });

    [Test]
    public void A_skipped_test_says_why_at_default_verbosity() =>
        Assert.Multiple(() =>
        {
            Assert.That(quiet, Does.Match(@"Skipped within/tiny/elsewhere"), quiet);
            Assert.That(quiet, Does.Match(@"1 efficiency test\(s\) skipped:\s+within/tiny/elsewhere: .*NoSuchCpu 9000\*"));
        });

    [Test]
    public void The_generated_tests_are_listed_without_running_them() =>
        Assert.Multiple(() =>
        {
            Assert.That(listed, Does.Contain("The following Tests are available:"), listed);
            Assert.That(listed, Does.Match(@"within/tiny/static"));
            Assert.That(listed, Does.Match(@"within/tiny/cpu"));
            Assert.That(listed, Does.Match(@"over/tiny/static"));
        });

    [Test]
    public void A_name_filter_selects_exactly_the_test_it_names() =>
        Assert.Multiple(() =>
        {
            Assert.That(named, Does.Match(@"Passed within/tiny/cpu"), named);
            Assert.That(named, Does.Match(@"Total tests:\s+1\b"));
        });

    [Test]
    public void A_category_filter_runs_only_the_tests_of_that_category() =>
        Assert.Multiple(() =>
        {
            Assert.That(filtered, Does.Match(@"Passed within/tiny/static"), filtered);
            Assert.That(filtered, Does.Match(@"Failed over/tiny/static"));
            Assert.That(filtered, Does.Not.Contain("tiny/cpu"));
            Assert.That(filtered, Does.Match(@"Total tests:\s+2\b"));
        });
}
