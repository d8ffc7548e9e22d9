using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// A benchmark entry's <c>project</c>, run before its results are read: BenchmarkDotNet's command line from the project's
/// folder, the results it writes judged, and a run that cannot start, fails or outlasts its deadline an error at the
/// entry's <c>project</c> that leaves earlier results unjudged. A script stands in for <c>dotnet</c>: it logs how it was
/// called and writes the results a real run would (the bundled sample's real run is in Cli.Tests).
/// </summary>
[Platform(Exclude = "Win", Reason = "the stand-in for dotnet is a POSIX shell script")]
public sealed class BenchmarkProjectTests
{
    private const string Spec = """
        benchmarks:
          text:
            project: bench/Bench.csproj
            results: out/results
            arguments: [--launchCount, "3"]
            budgets:
              allocated: { max: 2 KiB }
        """;

    private GitRepository repository = null!;
    private readonly List<string> progress = new();

    [SetUp]
    public void CreateRepository()
    {
        repository = GitRepository.Init();
        repository.Write("bench/Bench.csproj", "<Project />");
        repository.Write("bench.yaml", Spec);
        progress.Clear();
    }

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    [Test]
    public void The_project_runs_with_benchmarkdotnets_command_line_from_its_folder_and_its_results_are_judged()
    {
        var result = Check(Dotnet(exit: 0));

        var log = File.ReadAllLines(repository.PathOf("calls.log"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.That(log, Is.EqualTo(new[]
            {
                $"{repository.PathOf("bench")} run -c Release --project {repository.PathOf("bench/Bench.csproj")} -- --filter * --exporters fulljson --artifacts {repository.PathOf("out")} --launchCount 3",
            }));
            Assert.That(result.Benchmarks, Has.Count.EqualTo(4), "the cases of the results the run wrote");
            Assert.That(progress[0], Does.StartWith("running benchmark 'text': "));
            Assert.That(progress, Does.Contain("benchmark 'text': Remained 1 (50.0 %) benchmark(s) to run. Estimated finish soon"));
        });
    }

    [Test]
    public void A_filter_among_the_arguments_replaces_the_default_one()
    {
        repository.Write("bench.yaml", Spec.Replace("[--launchCount, \"3\"]", "[--filter, \"*Join*\"]", StringComparison.Ordinal));

        Check(Dotnet(exit: 0));

        Assert.That(File.ReadAllText(repository.PathOf("calls.log")), Does.EndWith($"--exporters fulljson --artifacts {repository.PathOf("out")} --filter *Join*\n"));
    }

    [Test]
    public void A_failed_run_is_an_error_with_its_last_lines_and_results_left_by_an_earlier_run_are_not_judged()
    {
        repository.Write("out/results/Old-report-full.json", File.ReadAllBytes(BenchmarkResultsFileTests.Fixture));

        var result = Check(Dotnet(exit: 1, printed: "Program.cs(3,10): error CS1002: ; expected"));

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkProjectFailed));
            Assert.That(error.Message, Does.Contain("exited with code 1; the last lines it printed: ").And.Contain("error CS1002: ; expected"));
            Assert.That((error.Location!.Line, error.Location.Column), Is.EqualTo((3, 14)), "at the project");
            Assert.That(result.Benchmarks, Is.Empty);
            Assert.That(result.BenchmarkProblems.Single().Diagnostic, Is.EqualTo(error));
        });
    }

    [Test]
    public void A_run_past_its_deadline_is_stopped_and_said_so()
    {
        var result = Check(Dotnet(exit: 0, sleep: 60), TimeSpan.FromSeconds(1));

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkProjectFailed));
            Assert.That(error.Message, Does.Contain("did not finish within 1 s and was stopped"));
        });
    }

    [Test]
    public void A_dotnet_that_cannot_be_started_says_the_sdk_is_needed()
    {
        var result = Check(repository.PathOf("no-such-dotnet"));

        Assert.That(result.Diagnostics.Single().Message, Does.Contain("cannot be run").And.Contain("needs the .NET SDK on the PATH"));
    }

    [Test]
    public void A_project_that_does_not_exist_is_named()
    {
        File.Delete(repository.PathOf("bench/Bench.csproj"));

        var result = Check(Dotnet(exit: 0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Single().Message, Does.Contain($"the project '{repository.PathOf("bench/Bench.csproj")}' does not exist"));
            Assert.That(File.Exists(repository.PathOf("calls.log")), Is.False);
        });
    }

    [Test]
    public void A_fifo_named_like_a_project_is_refused_without_running_dotnet_on_it()
    {
        File.Delete(repository.PathOf("bench/Bench.csproj"));
        var fifo = SpecialFiles.Fifo(repository.PathOf("bench/Bench.csproj"));
        try
        {
            var result = SpecialFiles.WithinSeconds(10, () => Check(Dotnet(exit: 0)));

            Assert.Multiple(() =>
            {
                Assert.That(result.Diagnostics.Single().Message, Does.Contain("is a FIFO").And.Contain("not a project file or its folder"));
                Assert.That(File.Exists(repository.PathOf("calls.log")), Is.False);
            });
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void Missing_results_of_a_project_say_that_misnomer_run_writes_them()
    {
        var result = StaticGate.Check(new[] { repository.PathOf("bench.yaml") });

        Assert.That(result.Diagnostics.Single(d => d.Code == ErrorCodes.BenchmarkResultsNotFound).Message,
            Does.EndWith($"'misnomer run {repository.PathOf("bench.yaml")}' runs its project and writes them"));
    }

    [Test]
    public void Without_a_runner_the_results_are_read_as_they_are()
    {
        repository.Write("out/results/Text-report-full.json", File.ReadAllBytes(BenchmarkResultsFileTests.Fixture));
        Dotnet(exit: 0);

        var result = StaticGate.Check(new[] { repository.PathOf("bench.yaml") });

        Assert.Multiple(() =>
        {
            Assert.That(result.Benchmarks, Has.Count.EqualTo(4));
            Assert.That(File.Exists(repository.PathOf("calls.log")), Is.False, "the build, check and the tests never run a project");
        });
    }

    [Test]
    public void Against_a_base_checkout_the_base_copy_runs_first_into_its_own_artifacts()
    {
        repository.Write("bench.yaml", Spec + "\nregression:\n  against: base-checkout\n");
        repository.Write("base-checkout/bench/Bench.csproj", "<Project />");

        var result = Check(Dotnet(exit: 0));
        Assert.That(File.Exists(repository.PathOf("calls.log")), Is.True, string.Join(Environment.NewLine, result.Diagnostics));

        var folders = File.ReadAllLines(repository.PathOf("calls.log")).Select(line => line.Split(' ')[0]);
        Assert.Multiple(() =>
        {
            Assert.That(folders, Is.EqualTo(new[] { repository.PathOf("base-checkout/bench"), repository.PathOf("bench") }));
            Assert.That(File.Exists(repository.PathOf("base-checkout/out/results/Text-report-full.json")), Is.True);
            Assert.That(result.Benchmarks.SelectMany(b => b.Regressions), Is.Not.Empty, "each case compared with the base's run");
        });
    }

    [TestCase("    arguments: [--artifacts, elsewhere]\n", ErrorCodes.SpecInvalidValue, "is set when the project is run")]
    [TestCase("    arguments: [\"--exporters=json\"]\n", ErrorCodes.SpecInvalidValue, "is set when the project is run")]
    [TestCase("    arguments: --launchCount 3\n", ErrorCodes.SpecWrongType, "a list of BenchmarkDotNet's options")]
    public void Arguments_the_run_sets_itself_or_that_are_not_a_list_are_refused(string arguments, string code, string message)
    {
        var load = Load("benchmarks:\n  text:\n    project: bench/Bench.csproj\n" + arguments);

        Assert.That(load.Diagnostics.Select(d => (d.Code, d.Message.Contains(message, StringComparison.Ordinal))), Is.EqualTo(new[] { (code, true) }));
    }

    [TestCase("    results: out/results\n    arguments: [--job, Dry]\n", "has 'arguments' but no 'project'")]
    [TestCase("    project: bench/Bench.csproj\n    results: out/Text-report-full.json\n", "the 'results' folder of the artifacts")]
    [TestCase("    project: bench/Bench.csproj\n    results: \"out/*.json\"\n", "the 'results' folder of the artifacts")]
    [TestCase("    project: ../../elsewhere/Bench.csproj\n", "outside")]
    public void A_project_entry_that_cannot_be_run_as_written_is_a_spec_error(string entry, string message)
    {
        var load = Load("benchmarks:\n  text:\n" + entry);

        Assert.That(load.Diagnostics.Select(d => d.Message), Has.One.Contains(message), string.Join(Environment.NewLine, load.Diagnostics));
    }

    [Test]
    public void Without_results_a_project_writes_benchmarkdotnets_default_artifacts_beside_it()
    {
        var entry = Load("benchmarks:\n  text:\n    project: bench/Bench.csproj\n").Spec!.Benchmarks.Single();

        Assert.Multiple(() =>
        {
            Assert.That(entry.Results.Value, Is.EqualTo("bench/BenchmarkDotNet.Artifacts/results"));
            Assert.That(entry.Project!.ResolvedArtifacts, Is.EqualTo(repository.PathOf("bench/BenchmarkDotNet.Artifacts")));
        });
    }

    private SpecLoadResult Load(string text) => SpecLoader.Parse(text, repository.PathOf("bench.yaml"));

    private GateResult Check(string dotnet, TimeSpan? deadline = null) =>
        StaticGate.Check(new[] { repository.PathOf("bench.yaml") },
            new GateOptions { BenchmarkProjects = new BenchmarkProjectRunner(dotnet, deadline, progress.Add) });

    /// <summary>
    /// A stand-in for <c>dotnet</c>: logs its folder and arguments, prints a progress line and <paramref name="printed"/>,
    /// writes the fixture's results into the artifacts folder it is given, then sleeps and exits as asked.
    /// </summary>
    private string Dotnet(int exit, string printed = "", int sleep = 0)
    {
        var script = repository.Write("fake-dotnet.sh", $$"""
            #!/bin/sh
            echo "$PWD $*" >> '{{repository.PathOf("calls.log")}}'
            echo "// ** Remained 1 (50.0 %) benchmark(s) to run. Estimated finish soon **"
            echo '{{printed}}' >&2
            while [ $# -gt 0 ]; do
              if [ "$1" = "--artifacts" ]; then mkdir -p "$2/results" && cp '{{BenchmarkResultsFileTests.Fixture}}' "$2/results/Text-report-full.json"; fi
              shift
            done
            sleep {{sleep}}
            exit {{exit}}
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
