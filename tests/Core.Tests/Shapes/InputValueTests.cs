using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>
/// Values declared for inputs reach the static engine: an If on a declared sample rate costs the branch that runs, a
/// branch that cannot be typed is left out with a warning naming the input to declare, and the refusals are coded.
/// The model is <see cref="SampleRateModels.VoiceActivity"/>, shaped as silero VAD v5/v6.
/// </summary>
public sealed class InputValueTests
{
    private static readonly Dictionary<string, long[]> Chunk512 = new(StringComparer.Ordinal)
    {
        ["input"] = new long[] { 1, 512 },
        ["state"] = new long[] { 2, 1, SampleRateModels.Width },
    };

    private static AnalysisOptions At(double? sampleRate, Dictionary<string, long[]>? shapes = null) => new()
    {
        Bindings = new ShapeBindings(new Dictionary<string, long>(), shapes ?? Chunk512)
        {
            Fills = sampleRate is { } sr
                ? new Dictionary<string, InputFill> { ["sr"] = InputFill.Constant(sr) }
                : new Dictionary<string, InputFill>(),
        },
    };

    [Test]
    public void A_declared_sample_rate_decides_the_if_and_only_the_16_khz_branch_is_typed_and_costed()
    {
        var report = StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), At(16000));

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(SampleRateModels.Macs16k));
            Assert.That(report.Count("unknown_ops"), Is.Zero);
            Assert.That(report.Nodes.Single(n => n.OpType == "If").Branch, Is.EqualTo("then_branch (constant condition)"));
            Assert.That(report.Nodes.Where(n => n.Graph == "k8"), Is.Empty, "the branch that never runs is neither typed nor costed");
            Assert.That(report.Diagnostics.Select(d => d.Code), Has.No.Member(ErrorCodes.BranchNotTyped).And.No.Member(ErrorCodes.ShapeMismatch));
            Assert.That(report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted).Severity, Is.EqualTo(DiagnosticSeverity.Info));
        });
    }

    [Test]
    public void Without_a_declared_value_the_branch_that_cannot_be_typed_is_left_out_with_a_warning_naming_the_input()
    {
        var report = StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), At(null));

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchNotTyped);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(SampleRateModels.Macs16k), "the 16 kHz branch is the only one that types at 1x512");
            Assert.That(report.Nodes.Single(n => n.OpType == "If").Branch, Is.EqualTo("then_branch (the only branch that types)"));
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("else_branch cannot be typed").And.Contain("Squeeze")
                .And.Contain("input(s) 'sr'").And.Contain("inputs: { sr: { value: ... } }"));
        });
    }

    [Test]
    public void A_declared_value_whose_branch_cannot_be_typed_is_refused_naming_the_node()
    {
        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), At(8000)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ShapeMismatch));
            Assert.That(error.Message, Does.Contain("Squeeze"));
        });
    }

    [Test]
    public void At_a_chunk_both_branches_type_the_costlier_is_costed_with_a_warning_naming_the_condition_and_the_input()
    {
        var chunk256 = new Dictionary<string, long[]>(StringComparer.Ordinal) { ["input"] = new long[] { 1, 256 }, ["state"] = new long[] { 2, 1, 128 } };

        var report = StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), At(null, chunk256));

        var warning = report.Diagnostics.Single(d => d.Code == ErrorCodes.BranchCosted);
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo((256L * 128) + 128), "either branch: 256 samples through a projection to 128, then the head");
            Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(warning.Message, Does.Contain("known only at run time").And.Contain("'sr'").And.Contain("upper bounds"));
        });
    }

    [Test]
    public void Activation_memory_counts_the_tensors_inside_the_branch_that_runs()
    {
        var report = StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), At(16000));

        // Inside the 16 kHz branch the framed chunk and its features ([1, 4, 128] floats, 2 KiB each) are alive together.
        Assert.That(report.Count("activation_memory"), Is.GreaterThanOrEqualTo(2 * 4 * 128 * 4));
    }

    [Test]
    public void A_declared_value_is_checked_against_the_inputs_type_and_shape()
    {
        var model = SampleRateModels.VoiceActivity().Load();
        AnalysisOptions With(InputFill fill) => new()
        {
            Bindings = new ShapeBindings(new Dictionary<string, long>(), Chunk512) { Fills = new Dictionary<string, InputFill> { ["sr"] = fill } },
        };

        var fraction = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model, With(InputFill.Constant(16000.5))))!;
        var count = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model, With(new InputFill(InputFillKind.Constant, new double[] { 1, 2 }))))!;
        var unknown = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(model, new AnalysisOptions
        {
            Bindings = new ShapeBindings(new Dictionary<string, long>(), Chunk512) { Fills = new Dictionary<string, InputFill> { ["rate"] = InputFill.Constant(1) } },
        }))!;
        Assert.Multiple(() =>
        {
            Assert.That(fraction.Code, Is.EqualTo(ErrorCodes.InputValueInvalid));
            Assert.That(fraction.Message, Does.Contain("'sr' is int64").And.Contain("16000.5"));
            Assert.That(count.Code, Is.EqualTo(ErrorCodes.InputValueInvalid));
            Assert.That(count.Message, Does.Contain("1 element(s)").And.Contain("gives 2"));
            Assert.That(unknown.Code, Is.EqualTo(ErrorCodes.UnknownBindingTarget));
            Assert.That(unknown.Message, Does.Contain("'rate'").And.Contain("sr"));
        });
    }

    [Test]
    public void A_range_is_not_a_known_value_but_its_ends_must_fit_the_type()
    {
        var model = SampleRateModels.VoiceActivity().Load();
        var bindings = new ShapeBindings(new Dictionary<string, long>(), Chunk512)
        {
            Fills = new Dictionary<string, InputFill> { ["sr"] = InputFill.Between(8000, 16000) },
        };

        var report = StaticAnalyzer.Analyze(model, new AnalysisOptions { Bindings = bindings });

        Assert.That(report.Diagnostics.Select(d => d.Code), Has.Member(ErrorCodes.BranchNotTyped), "a range leaves the condition to run time");
    }

    [Test]
    public void A_data_file_gives_its_shape_and_small_values_to_the_engine()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-input-data").FullName;
        try
        {
            var sr = Path.Combine(folder, "sr.npy");
            File.WriteAllBytes(sr, NpyFiles.Int64(Array.Empty<long>(), 16000));
            var bindings = new ShapeBindings(new Dictionary<string, long>(), Chunk512)
            {
                Fills = new Dictionary<string, InputFill> { ["sr"] = new(InputFillKind.File, File: sr) },
            };

            var report = StaticAnalyzer.Analyze(SampleRateModels.VoiceActivity().Load(), new AnalysisOptions { Bindings = bindings });

            Assert.That(report.Nodes.Single(n => n.OpType == "If").Branch, Is.EqualTo("then_branch (constant condition)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
