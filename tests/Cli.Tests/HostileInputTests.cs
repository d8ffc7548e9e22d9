using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// The tool tried as an attacker and as a careless user: every bad input is a coded error in bounded time, nothing
/// is written through a link, FIFO or device, no file's contents are printed, no name prints a line of its own, and
/// no stack trace or EM9999 appears. Cases that could hang run under a deadline.
/// </summary>
public sealed class HostileInputTests
{
    private const double Deadline = 20;
    private const string Secret = "hunter2-s3cr3t";

    private string folder = "";

    private string Spec => Path.Combine(folder, "tiny-cnn.yaml");

    [SetUp]
    public void CreateFolder()
    {
        folder = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "models", "tiny-cnn.onnx"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml"), Spec);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    // Overwrites.

    [Test]
    public void A_report_to_a_link_is_refused_and_the_link_s_target_kept()
    {
        var target = Write("precious.txt", "keep");
        var link = SpecialFiles.Link(Path.Combine(folder, "report.md"), target);

        var (code, _, stderr) = CliRunner.Run("report", Results(), "--markdown", link);

        AssertRefused(code, stderr, "EM5003", "is a symbolic link");
        Assert.That((File.ReadAllText(target), new FileInfo(link).LinkTarget), Is.EqualTo(("keep", target)));
    }

    [Test]
    public void A_merge_into_a_fifo_is_refused_without_waiting_and_the_fifo_stays()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "merged.json"));
        var (code, _, stderr) = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("merge", Results(), "--output", fifo));
        AssertRefused(code, stderr, "EM5003", "is a FIFO (named pipe)");
        Assert.That(Files.InputFile.KindOf(fifo, Files.FileRole.Results), Is.EqualTo(Files.FileKind.Fifo));
    }

    [Test]
    public void Check_results_to_a_link_is_refused()
    {
        var target = Write("precious.json", "keep");
        var link = SpecialFiles.Link(Path.Combine(folder, "results.json"), target);
        var (code, _, stderr) = CliRunner.Run("check", Spec, "--results", link);
        AssertRefused(code, stderr, "EM5003", "is a symbolic link");
        Assert.That(File.ReadAllText(target), Is.EqualTo("keep"));
    }

    [Test]
    public void A_report_to_dev_full_is_refused_before_anything_is_created()
    {
        // Proven on a FIFO of our own first; /dev/full is named only once that refusal holds.
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "probe.md"));
        var probe = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("report", Results(), "--markdown", fifo));
        AssertRefused(probe.ExitCode, probe.Stderr, "EM5003", "FIFO");
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("no /dev/full here");
        }

        var (code, _, stderr) = CliRunner.Run("report", Results(), "--bmf", "/dev/full");
        AssertRefused(code, stderr, "EM5003", "is a character device");
        Assert.That(Files.InputFile.KindOf("/dev/full", Files.FileRole.Report), Is.EqualTo(Files.FileKind.CharacterDevice));
    }

    // Hangs.

    [Test]
    public void A_fifo_as_the_model_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "model.onnx"));
        try
        {
            var (code, _, stderr) = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("analyze", fifo));
            AssertRefused(code, stderr, "EM5001", "is a FIFO (named pipe), not a regular file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_as_the_spec_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "spec.yaml"));
        try
        {
            var (code, _, stderr) = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("check", fifo));
            AssertRefused(code, stderr, "EM5001", "spec file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_as_the_baseline_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "baselines.json"));
        File.WriteAllText(Spec, File.ReadAllText(Spec).Replace("baseline: baselines/tiny-cnn.json", "baseline: baselines.json", StringComparison.Ordinal));
        try
        {
            var (code, _, stderr) = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("check", Spec));
            AssertRefused(code, stderr, "EM5001", "baseline file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_as_the_results_document_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "results.json"));
        try
        {
            var (code, _, stderr) = SpecialFiles.WithinSeconds(Deadline, () => CliRunner.Run("baseline", "update", fifo));
            AssertRefused(code, stderr, "EM5001", "results file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void Dev_stdin_from_a_pipe_as_the_model_is_refused_without_waiting_for_the_pipe()
    {
        if (!File.Exists("/dev/stdin"))
        {
            Assert.Ignore("no /dev/stdin here");
        }

        var (code, _, stderr, hung) = CliRunner.RunProcess("not a model", 120, "analyze", "/dev/stdin");
        Assert.That(hung, Is.False, "the tool waited for its standard input to end");
        AssertRefused(code, stderr, "EM5001", "'/dev/stdin' is a FIFO (named pipe)");
    }

    // Leaks.

    [Test]
    public void A_spec_linked_to_a_secrets_file_is_not_printed()
    {
        var secrets = Write("secrets.env", $"API_TOKEN={Secret}\nDB_PASSWORD={Secret}\n");
        var link = SpecialFiles.Link(Path.Combine(folder, "spec.yaml"), secrets);
        var (code, stdout, stderr) = CliRunner.Run("check", link);
        AssertRefused(code, stderr, "EM2004", "not a single value", stdout);
        Assert.That(stdout + stderr, Does.Not.Contain(Secret));
    }

    [Test]
    public void A_results_document_naming_a_secrets_file_as_its_spec_does_not_print_it()
    {
        var secrets = Write("secrets.env", $"-----BEGIN PRIVATE KEY-----\n{Secret}\n-----END PRIVATE KEY-----\n");
        var (code, stdout, stderr) = CliRunner.Run("baseline", "update", Results(specPath: secrets));
        Assert.That(code, Is.EqualTo(MisnomerCli.Failure), stderr);
        Assert.That(stdout + stderr, Does.Not.Contain(Secret).And.Contain("EM2004"));
    }

    [Test]
    public void A_results_document_naming_a_spec_outside_its_repository_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("misnomer-outside-").FullName;
        try
        {
            var secrets = Path.Combine(outside, "secrets.yaml");
            File.WriteAllText(secrets, $"models: {Secret}\n");
            var (code, stdout, stderr) = CliRunner.Run("baseline", "update", Results(specPath: secrets));
            AssertRefused(code, stderr, "EM5004", "leads outside", stdout);
            Assert.That(stdout + stderr, Does.Not.Contain(Secret));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    // Log forgery.

    [Test]
    public void A_forged_model_name_prints_no_line_of_its_own()
    {
        File.WriteAllText(Spec, File.ReadAllText(Spec).Replace("  tiny-cnn:\n", "  \"tiny\\n::error file=x.cs::build failed\\e[32m\\rok\":\n", StringComparison.Ordinal)
            .Replace("max: 3M", "max: 1M", StringComparison.Ordinal));
        var results = Path.Combine(folder, "r.json");
        var (_, stdout, stderr) = CliRunner.Run("check", Spec, "--results", results);
        var (_, report, _) = CliRunner.Run("report", results);
        foreach (var line in (stdout + stderr + report).Split('\n'))
        {
            Assert.That(line, Does.Not.StartWith("::").And.Not.Contain("\u001b").And.Not.Contain("\r"), line);
        }

        Assert.That(stderr, Does.Contain("model 'tiny\\n::error file=x.cs::build failed\\u001b[32m\\rok'"));
    }

    // Crashes.

    [Test]
    public void An_unclosed_brace_in_the_middle_of_a_spec_is_a_syntax_error()
    {
        File.WriteAllText(Spec, File.ReadAllText(Spec).Replace("params:          { max: 30k }", "params:          { max: 30k", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("check", Spec);
        AssertRefused(code, stderr, "EM2002", "is not closed");
    }

    [Test]
    public void A_null_indicator_in_a_results_document_is_refused()
    {
        var path = Write("null.json", File.ReadAllText(Results()).Replace("\"static\": [", "\"static\": [ null,", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("report", path);
        AssertRefused(code, stderr, "EM4101", "is null where an entry belongs");
    }

    [TestCase("NaN", "must be a finite number")]
    [TestCase("Infinity", "must be a finite number")]
    [TestCase("1e309", "must be a finite number")]
    [TestCase("inf", "Cannot parse argument 'inf'")]
    [TestCase("1e308", "--time-cap must be a positive number of seconds")]
    [TestCase("-1", "--time-cap must be a positive number of seconds")]
    [TestCase("0", "--time-cap must be a positive number of seconds")]
    public void An_absurd_time_cap_is_refused_with_a_code_before_anything_runs(string value, string message)
    {
        var (code, stdout, stderr) = CliRunner.Run("run", Spec, "--provider", "cpu", "--time-cap", value);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Usage).Or.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM9001: ").And.Contain(message).And.Not.Contain("EM9999"));
            Assert.That(stdout, Is.Empty, "nothing measured");
        });
    }

    [Test]
    public void A_wrong_flag_before_the_model_is_named()
    {
        var (code, _, stderr) = CliRunner.Run("analyze", "--bogus", Path.Combine(folder, "models", "tiny-cnn.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Usage));
            Assert.That(stderr.Split('\n')[0], Does.StartWith("error EM9001: unknown option '--bogus' for 'misnomer analyze'"));
        });
    }

    [TestCase("bogus")]
    [TestCase("check")]
    [TestCase("check", "--gate")]
    [TestCase("check", "x.yaml", "--results", "--gate", "warn")]
    [TestCase("report", "r.json", "--markdown")]
    [TestCase("\u001b[2J\n::error::x")]
    public void Every_argument_error_carries_the_code_on_one_line_each(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Usage));
            Assert.That(lines[..^1], Has.All.StartWith("error EM9001: "));
            Assert.That(lines[^1], Does.StartWith("Run 'misnomer"));
            Assert.That(stderr, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void A_file_whose_name_starts_with_a_dash_can_follow_a_double_dash()
    {
        var model = Path.Combine(folder, "-model.onnx");
        File.Copy(Path.Combine(folder, "models", "tiny-cnn.onnx"), model);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            var (code, _, stderr) = CliRunner.Run("analyze", "--", "-model.onnx");
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    // Wrong answers.

    [Test]
    public void A_number_too_large_for_a_double_is_refused_and_nothing_recorded()
    {
        var path = Write("huge.json", File.ReadAllText(Results(specPath: Spec)).Replace("\"value\": 30000", "\"value\": 1e400", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("baseline", "update", path);
        AssertRefused(code, stderr, "EM4101", "a number too large or too small to hold");
        Assert.That(Directory.Exists(Path.Combine(folder, "baselines")), Is.False);
    }

    [Test]
    public void A_merge_writes_the_same_document_in_either_order()
    {
        var older = Results("older.json", created: new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), machineSummary: "old");
        var newer = Results("newer.json", created: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), machineSummary: "new");
        var ab = Path.Combine(folder, "ab.json");
        var ba = Path.Combine(folder, "ba.json");
        Assert.That(CliRunner.Run("merge", older, newer, "--output", ab).ExitCode, Is.EqualTo(MisnomerCli.Success));
        Assert.That(CliRunner.Run("merge", newer, older, "--output", ba).ExitCode, Is.EqualTo(MisnomerCli.Success));
        Assert.That(File.ReadAllText(ab), Is.EqualTo(File.ReadAllText(ba)).And.Contain("\"summary\": \"new\""));
    }

    // Paths that leave the spec's folder.

    [Test]
    public void A_baseline_path_outside_the_spec_s_folder_is_refused_and_nothing_written()
    {
        File.WriteAllText(Spec, File.ReadAllText(Spec).Replace("baseline: baselines/tiny-cnn.json", "baseline: ../../../tmp/escaped.json", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("check", Spec);
        AssertRefused(code, stderr, "EM5004", "regression.baseline '../../../tmp/escaped.json' leads outside");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A small results document of the tiny model; returns its path.</summary>
    private string Results(string name = "run.json", string? specPath = null, DateTimeOffset? created = null, string machineSummary = "cpu")
    {
        var document = new EfficiencyResults(
            created ?? new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
            new[] { new MachineResults("cpu0", machineSummary, new Dictionary<string, string>()) },
            new[]
            {
                new SpecResults("tiny-cnn", specPath ?? "specs/tiny.yaml", "warn", new[]
                {
                    new ModelResults("tiny-cnn", "models/tiny-cnn.onnx", new Dictionary<string, double>(),
                        new[] { new IndicatorResult("params", "count", 30000) }, Array.Empty<RuntimeResults>(), Array.Empty<VerdictResult>()),
                }),
            });
        var path = Path.Combine(folder, name);
        ResultsJson.WriteFile(path, document);
        return path;
    }

    private static void AssertRefused(int code, string stderr, string expectedCode, string message, string stdout = "")
    {
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure), stderr);
            Assert.That(stderr, Does.Contain($"error {expectedCode}: ").And.Contain(message));
            Assert.That(stderr + stdout, Does.Not.Contain("EM9999").And.Not.Contain("   at "));
        });
    }
}
