using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EfficiencyMisnomer.Runtime.Tests.Inputs;

/// <summary>Inputs generated for bound types: shapes, element types, value ranges and seeding.</summary>
public sealed class GeneratedInputsTests
{
    private static readonly InputOptions Tokens = new(Seed: 42, TokenMin: 3, TokenMax: TokenModels.Vocabulary);

    private static ShapeBindings Bind(long batch, long seq) =>
        new(new Dictionary<string, long> { ["batch"] = batch, ["seq"] = seq }, new Dictionary<string, long[]>());

    [Test]
    public void Token_ids_and_mask_take_the_bound_shape_and_their_element_types()
    {
        var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(), Bind(2, 16));
        using var inputs = GeneratedInputs.Create(bound.Inputs, Tokens);

        var ids = inputs.Tensors.Single(t => t.Name == "input_ids").Value.GetTensorTypeAndShape();
        var mask = inputs.Tensors.Single(t => t.Name == "attention_mask").Value.GetTensorTypeAndShape();
        Assert.Multiple(() =>
        {
            Assert.That(inputs.Tensors.Select(t => t.Name), Is.EqualTo(new[] { "input_ids", "attention_mask" }));
            Assert.That(ids.Shape, Is.EqualTo(new long[] { 2, 16 }));
            Assert.That(ids.ElementDataType, Is.EqualTo(TensorElementType.Int64));
            Assert.That(mask.Shape, Is.EqualTo(new long[] { 2, 16 }));
            Assert.That(mask.ElementDataType, Is.EqualTo(TensorElementType.Int64));
            Assert.That(bound.Outputs["hidden"]!.Shape!.ToSizes(), Is.EqualTo(new long[] { 2, 16, 8 }));
        });
    }

    [Test]
    public void Token_ids_stay_in_the_declared_range_and_use_it()
    {
        var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(), Bind(4, 64));
        using var inputs = GeneratedInputs.Create(bound.Inputs, Tokens);

        var ids = Values<long>(inputs, "input_ids");
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.All.InRange(Tokens.TokenMin, Tokens.TokenMax - 1));
            Assert.That(ids.Min(), Is.EqualTo(Tokens.TokenMin), "256 draws from 61 values reach the smallest");
            Assert.That(ids.Max(), Is.EqualTo(Tokens.TokenMax - 1), "and the largest, the maximum being exclusive");
        });
    }

    [TestCase(ElementType.Int64)]
    [TestCase(ElementType.Bool)]
    public void An_attention_mask_is_all_ones_a_batch_without_padding(ElementType maskType)
    {
        var bound = BoundInputs.Resolve(TokenModels.Embedding(maskType).Load(), Bind(2, 8));
        using var inputs = GeneratedInputs.Create(bound.Inputs, Tokens);

        var mask = inputs.Tensors.Single(t => t.Name == "attention_mask").Value;
        Assert.That(maskType == ElementType.Bool
            ? mask.GetTensorDataAsSpan<bool>().ToArray().Select(b => b ? 1L : 0L)
            : mask.GetTensorDataAsSpan<long>().ToArray(), Has.All.EqualTo(1L));
    }

    [Test]
    public void The_same_seed_gives_the_same_values_and_another_seed_others()
    {
        var bound = BoundInputs.Resolve(TokenModels.Embedding().Load(), Bind(2, 16));
        using var first = GeneratedInputs.Create(bound.Inputs, Tokens);
        using var again = GeneratedInputs.Create(bound.Inputs, Tokens);
        using var other = GeneratedInputs.Create(bound.Inputs, Tokens with { Seed = 43 });

        Assert.Multiple(() =>
        {
            Assert.That(Values<long>(again, "input_ids"), Is.EqualTo(Values<long>(first, "input_ids")));
            Assert.That(Values<long>(other, "input_ids"), Is.Not.EqualTo(Values<long>(first, "input_ids")));
        });
    }

    [Test]
    public void A_float16_input_is_half_precision_in_minus_one_to_one_and_seeded()
    {
        var bound = BoundInputs.Resolve(TokenModels.HalfPrecision().Load(), ShapeBindings.None, batch: 3);
        using var first = GeneratedInputs.Create(bound.Inputs);
        using var again = GeneratedInputs.Create(bound.Inputs);
        using var other = GeneratedInputs.Create(bound.Inputs, new InputOptions(Seed: 7));

        var x = first.Tensors.Single().Value.GetTensorTypeAndShape();
        var values = Values<Float16>(first, "x").Select(h => (float)h).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(x.ElementDataType, Is.EqualTo(TensorElementType.Float16));
            Assert.That(x.Shape, Is.EqualTo(new long[] { 3, 4 }));
            Assert.That(values, Has.All.InRange(-1f, 1f));
            Assert.That(values.Distinct().Count(), Is.GreaterThan(1));
            Assert.That(Values<Float16>(again, "x"), Is.EqualTo(Values<Float16>(first, "x")));
            Assert.That(Values<Float16>(other, "x"), Is.Not.EqualTo(Values<Float16>(first, "x")));
        });
    }

    [Test]
    public void A_dimension_the_spec_leaves_unbound_is_an_error_naming_it_with_the_binding_to_add()
    {
        var error = Assert.Throws<EfficiencyException>(() => BoundInputs.Resolve(TokenModels.Embedding().Load(), ShapeBindings.None, batch: 2))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.UnboundSymbolicDim));
            Assert.That(error.Message, Does.Contain("'seq' (input 'input_ids' dim 1, input 'attention_mask' dim 1)").And.Contain("bind: { seq: N }"));
        });
    }

    [Test]
    public void A_type_still_symbolic_is_a_coded_error_naming_the_dimension()
    {
        var type = new TensorType(ElementType.Int64, new TensorShape(new[] { Dim.Of(2), Dim.Unknown("seq") }));

        var error = Assert.Throws<EfficiencyException>(() => GeneratedInputs.Create(new Dictionary<string, TensorType> { ["input_ids"] = type }))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputNotGenerated));
            Assert.That(error.Message, Does.StartWith("input 'input_ids' has shape [2xseq] with unbound dimension 'seq'"));
        });
    }

    private static T[] Values<T>(GeneratedInputs inputs, string name)
        where T : unmanaged =>
        inputs.Tensors.Single(t => t.Name == name).Value.GetTensorDataAsSpan<T>().ToArray();
}
