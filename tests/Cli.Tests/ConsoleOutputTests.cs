using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>Repeated diagnostics folded into a count, <c>--quiet</c> and <c>--verbose</c>, and progress lines that keep a log short.</summary>
public sealed class ConsoleOutputTests
{
    private static readonly SourceLocation Model = new("model.onnx");

    [Test]
    public void Repeats_of_one_code_beyond_the_first_two_fold_into_a_count_and_errors_never_fold()
    {
        var diagnostics = Enumerable.Range(1, 5).Select(i => Diagnostic.Warning("EM1303", $"branch {i}", Model))
            .Append(Diagnostic.Error("EM1202", "refused", Model))
            .Concat(Enumerable.Range(1, 3).Select(i => Diagnostic.Info("EM3013", $"fill {i}", Model)))
            .Append(Diagnostic.Error("EM1202", "refused again", Model))
            .ToList();

        var normal = Printed(diagnostics, Verbosity.Normal);
        var verbose = Printed(diagnostics, Verbosity.Verbose);
        var quiet = Printed(diagnostics, Verbosity.Quiet);

        Assert.Multiple(() =>
        {
            Assert.That(normal, Is.EqualTo(new[]
            {
                "model.onnx: warning EM1303: branch 1",
                "model.onnx: warning EM1303: branch 2",
                "model.onnx: error EM1202: refused",
                "model.onnx: info EM3013: fill 1",
                "model.onnx: info EM3013: fill 2",
                "model.onnx: error EM1202: refused again",
                "model.onnx: warning EM1303: 3 more like the above, folded; -v lists them",
                "model.onnx: info EM3013: 1 more like the above, folded; -v lists them",
            }));
            Assert.That(verbose, Has.Length.EqualTo(diagnostics.Count));
            Assert.That(quiet, Is.EqualTo(new[] { "model.onnx: error EM1202: refused", "model.onnx: error EM1202: refused again" }));
        });
    }

    [Test]
    public void Analyze_folds_by_default_lists_all_with_verbose_and_prints_none_with_quiet()
    {
        var folder = CliRunner.TempFolder();
        try
        {
            var b = new Builder("batches");
            var inputs = Enumerable.Range(0, 4).Select(i => b.Input($"x{i}", ElementType.Float, $"batch{i}", 4)).ToArray();
            b.Node("Sum", inputs, new[] { "y" });
            b.Output("y", ElementType.Float, 1, 4);
            var model = b.Save(Path.Combine(folder, "batches.onnx"));

            var normal = CliRunner.Run("analyze", model).Stderr;
            var verbose = CliRunner.Run("analyze", model, "-v").Stderr;
            var quiet = CliRunner.Run("analyze", model, "--quiet");

            int Count(string text) => text.Split('\n').Count(l => l.Contains("warning EM1204: symbolic dimension", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(Count(normal), Is.EqualTo(2));
                Assert.That(normal, Does.Contain("warning EM1204: 2 more like the above, folded; -v lists them"));
                Assert.That(Count(verbose), Is.EqualTo(4));
                Assert.That(verbose, Does.Not.Contain("folded"));
                Assert.That(quiet.Stderr, Is.Empty);
                Assert.That(quiet.Stdout, Does.Contain("macs"), "the result itself is still printed");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void On_a_live_terminal_progress_rewrites_one_status_line_and_case_starts_keep_their_own()
    {
        using var writer = new StringWriter();
        var progress = new ProgressLine(writer, Verbosity.Normal, live: true);
        progress.Report("measuring model 'a' [cpu] batch 1 on cpu");
        progress.Report("7 samples, median 1 ms");
        progress.Report("8 samples, median 1 ms");
        progress.Complete();

        Assert.That(writer.ToString(), Is.EqualTo("\r\u001b[2K  measuring model 'a' [cpu] batch 1 on cpu" + Environment.NewLine
            + "\r\u001b[2K  7 samples, median 1 ms\r\u001b[2K  8 samples, median 1 ms" + Environment.NewLine));
    }

    [Test]
    public void Progress_shows_each_case_start_and_throttles_the_rest_unless_verbose()
    {
        var lines = new[] { "measuring model 'a' [cpu] batch 1 on cpu", "7 samples, median 1 ms", "8 samples, median 1 ms", "measuring model 'b' [cpu] batch 1 on cpu" };

        string[] Shown(Verbosity verbosity)
        {
            using var writer = new StringWriter();
            var progress = ConsoleOutput.Progress(writer, verbosity);
            foreach (var line in lines)
            {
                progress.Report(line);
            }

            progress.Complete();

            return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Shown(Verbosity.Normal), Is.EqualTo(new[] { "  " + lines[0], "  " + lines[3] }), "within five seconds only case starts");
            Assert.That(Shown(Verbosity.Verbose), Has.Length.EqualTo(4));
            Assert.That(Shown(Verbosity.Quiet), Is.Empty);
        });
    }

    private static string[] Printed(IEnumerable<Diagnostic> diagnostics, Verbosity verbosity)
    {
        using var writer = new StringWriter();
        ConsoleOutput.Print(diagnostics, writer, verbosity);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
