using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Tests.Inputs;

/// <summary>
/// What the inputs of a measurement hold: declared values win; otherwise ids index within the table they read, masks are
/// ones, positions count, and the report says which inputs were synthesised and how.
/// </summary>
public sealed class InputPlannerTests
{
    private static ShapeBindings Bind(long batch, long seq, Dictionary<string, InputFill>? fills = null) =>
        new(new Dictionary<string, long> { ["batch"] = batch, ["seq"] = seq }, new Dictionary<string, long[]>())
        {
            Fills = fills ?? new Dictionary<string, InputFill>(),
        };

    [Test]
    public void Token_ids_stay_within_the_rows_of_the_table_they_index_whatever_the_default_token_range()
    {
        var wide = new InputOptions(TokenMax: 100_000);
        var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(), Bind(8, 64), options: wide);
        using var inputs = GeneratedInputs.Create(bound, wide);

        var ids = inputs.Tensors.Single(t => t.Name == "input_ids").Value.GetTensorDataAsSpan<long>().ToArray();
        var report = bound.Warnings.Single(w => w.Code == ErrorCodes.InputsFilled);
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.All.InRange(0L, TokenModels.Vocabulary - 1));
            Assert.That(ids.Max(), Is.EqualTo(TokenModels.Vocabulary - 1), "512 draws from 64 ids reach the last row");
            Assert.That(bound.Fills["input_ids"].Describe(), Does.Contain("values in [0, 63]").And.Contain("64 rows of 'embed.weight'").And.Contain("Gather node"));
            Assert.That(bound.Fills["attention_mask"].Describe(), Does.Contain("value 1 (a mask: no padding)"));
            Assert.That(report.Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(report.Message, Does.Contain("'input_ids' values in [0, 63]").And.Contain("'attention_mask' value 1"));
        });
    }

    [Test]
    public void A_declared_value_or_range_wins_over_what_the_model_suggests()
    {
        var fills = new Dictionary<string, InputFill>
        {
            ["input_ids"] = InputFill.Between(5, 6),
            ["attention_mask"] = new(InputFillKind.Constant, new double[] { 1, 1, 0, 0 }),
        };
        var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(), Bind(1, 4, fills));
        using var inputs = GeneratedInputs.Create(bound);

        Assert.Multiple(() =>
        {
            Assert.That(inputs.Tensors.Single(t => t.Name == "input_ids").Value.GetTensorDataAsSpan<long>().ToArray(), Has.All.InRange(5, 6));
            Assert.That(inputs.Tensors.Single(t => t.Name == "attention_mask").Value.GetTensorDataAsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1, 1, 0, 0 }));
            Assert.That(bound.Fills["input_ids"].Describe(), Does.EndWith("(declared)"));
        });
    }

    [Test]
    public void Position_ids_count_along_the_sequence_in_every_row()
    {
        var b = new EfficiencyMisnomer.ModelBuilder.ModelBuilder("positions");
        var positions = b.Input("position_ids", ElementType.Int64, "batch", "seq");
        b.Output(b.Node("Gather", new[] { b.Weight("position_table", 16, 4), positions }, new[] { "embedded" }, ("axis", 0L)));

        var bound = BoundInputs.Resolve(b.Load(), Bind(2, 3));
        using var inputs = GeneratedInputs.Create(bound);

        Assert.That(inputs.Tensors.Single().Value.GetTensorDataAsSpan<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 2, 0, 1, 2 }));
    }

    [Test]
    public void A_whole_input_shape_is_never_overridden_by_the_profiles_batch()
    {
        var bindings = new ShapeBindings(new Dictionary<string, long>(), new Dictionary<string, long[]>
        {
            ["input"] = new long[] { 1, 512 },
            ["state"] = new long[] { 2, 1, SampleRateModels.Width },
        })
        {
            Fills = new Dictionary<string, InputFill> { ["sr"] = InputFill.Constant(16000) },
        };

        var bound = BoundInputs.Resolve(SampleRateModels.VoiceActivity().Load(), bindings, batch: 8);

        Assert.Multiple(() =>
        {
            Assert.That(bound.Inputs["state"].Shape!.ToSizes(), Is.EqualTo(new long[] { 2, 1, SampleRateModels.Width }));
            Assert.That(bound.Inputs["input"].Shape!.ToSizes(), Is.EqualTo(new long[] { 1, 512 }));
            Assert.That(bound.Batch, Is.EqualTo(1), "throughput counts the batch the inputs have");
            Assert.That(bound.Warnings.Single(w => w.Code == ErrorCodes.BatchNotApplied).Message, Does.Contain("batch 8"));
        });
    }

    [TestCase(new long[] { 3, 8, 8 }, "boxes", 1, TestName = "An image without a batch axis (a detector's), its boxes counted at run time: one sample")]
    [TestCase(new long[] { 3, 8, 8 }, "pooled", 1, TestName = "A leading dimension that no output keeps is not a batch")]
    [TestCase(new long[] { 4, 8, 8 }, "kept", 4, TestName = "A model exported at a fixed batch of 4 runs 4 samples an inference")]
    [TestCase(new long[] { 1, 8, 8 }, "kept", 1, TestName = "A fixed batch of 1")]
    public void Without_a_symbolic_leading_dimension_the_batch_is_what_the_inputs_and_outputs_share(long[] image, string output, int batch)
    {
        var b = new EfficiencyMisnomer.ModelBuilder.ModelBuilder("fixed");
        var x = b.Input("image", ElementType.Float, image.Cast<object>().ToArray());
        var rows = b.Op("Flatten", new[] { x }, ("axis", output == "kept" ? 1L : 0L));
        var y = output == "boxes"
            ? b.Op("Transpose", new[] { b.Op("NonZero", new[] { rows }) })
            : b.Op("ReduceSum", new[] { rows, b.Int64s("axes", 1) }, ("keepdims", 1L));
        b.Output(y, output == "boxes" ? ElementType.Int64 : ElementType.Float, null);

        var bound = BoundInputs.Resolve(b.Load(), ShapeBindings.None, batch: 1);

        Assert.That(bound.Batch, Is.EqualTo(batch), "throughput counts samples, never channels");
    }

    [Test]
    public void A_model_whose_sample_rate_picks_its_branch_runs_with_the_declared_rate()
    {
        var model = SampleRateModels.VoiceActivity();
        var bindings = new ShapeBindings(new Dictionary<string, long>(), new Dictionary<string, long[]>
        {
            ["input"] = new long[] { 1, 512 },
            ["state"] = new long[] { 2, 1, SampleRateModels.Width },
        })
        {
            Fills = new Dictionary<string, InputFill> { ["sr"] = InputFill.Constant(16000) },
        };
        var bound = BoundInputs.Resolve(model.Load(), bindings);
        using var inputs = GeneratedInputs.Create(bound);
        using var session = new InferenceSession(model.ToBytes());
        using var options = new RunOptions();

        using var results = session.Run(options, inputs.Tensors.Select(t => t.Name).ToList(), inputs.Tensors.Select(t => t.Value).ToList(), new[] { "output", "stateN" });

        Assert.Multiple(() =>
        {
            Assert.That(inputs.Tensors.Single(t => t.Name == "sr").Value.GetTensorDataAsSpan<long>().ToArray(), Is.EqualTo(new long[] { 16000 }));
            Assert.That(results[0].GetTensorTypeAndShape().Shape, Is.EqualTo(new long[] { 1, 1 }));
            Assert.That(results[1].GetTensorTypeAndShape().Shape, Is.EqualTo(new long[] { 2, 1, SampleRateModels.Width }));
        });
    }

    [Test]
    public void A_data_file_fills_its_input_and_a_file_of_the_wrong_size_is_a_coded_error()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-input-data").FullName;
        try
        {
            var ids = Path.Combine(folder, "ids.npy");
            File.WriteAllBytes(ids, NpyFiles.Int64(new long[] { 1, 3 }, 7, 8, 9));
            var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(),
                Bind(1, 3, new Dictionary<string, InputFill> { ["input_ids"] = new(InputFillKind.File, File: ids) }));
            using var inputs = GeneratedInputs.Create(bound);
            var conflicting = new ShapeBindings(new Dictionary<string, long> { ["batch"] = 1, ["seq"] = 4 }, new Dictionary<string, long[]> { ["input_ids"] = new long[] { 1, 4 } })
            {
                Fills = new Dictionary<string, InputFill> { ["input_ids"] = new(InputFillKind.File, File: ids) },
            };
            var wrong = Assert.Throws<EfficiencyException>(() => BoundInputs.Resolve(TokenModels.Embedding().Load(), conflicting))!;

            Assert.Multiple(() =>
            {
                Assert.That(inputs.Tensors.Single(t => t.Name == "input_ids").Value.GetTensorDataAsSpan<long>().ToArray(), Is.EqualTo(new long[] { 7, 8, 9 }));
                Assert.That(wrong.Code, Is.EqualTo(ErrorCodes.InputValueInvalid));
                Assert.That(wrong.Message, Does.Contain("'input_ids' is bound to shape").And.Contain("data file holds a tensor of shape"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
