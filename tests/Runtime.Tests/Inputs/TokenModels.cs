using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Runtime.Tests.Inputs;

/// <summary>Small models with the inputs of a language model and of a half-precision network.</summary>
internal static class TokenModels
{
    /// <summary>Rows of the embedding table: token ids must stay below it or Gather fails at run time.</summary>
    public const long Vocabulary = 64;

    /// <summary>
    /// <c>input_ids</c> [batch, seq] gathered from an embedding table, multiplied by <c>attention_mask</c>
    /// [batch, seq] cast to float: the two inputs of a transformer encoder's first layer.
    /// </summary>
    public static Builder Embedding(ElementType mask = ElementType.Int64)
    {
        var b = new Builder("token-embedding", storage: WeightStorage.Random, seed: 7);
        var ids = b.Input("input_ids", ElementType.Int64, "batch", "seq");
        var attention = b.Input("attention_mask", mask, "batch", "seq");
        var embedded = b.Node("Gather", new[] { b.Weight("embed.weight", Vocabulary, 8), ids }, new[] { "embedded" }, ("axis", 0L));
        var asFloat = b.Node("Cast", new[] { attention }, new[] { "mask_float" }, ("to", (long)ElementType.Float));
        var column = b.Node("Unsqueeze", new[] { asFloat, b.Int64s("axes", -1) }, new[] { "mask_column" });
        b.Output(b.Node("Mul", new[] { embedded, column }, new[] { "hidden" }), ElementType.Float, "batch", "seq", 8);
        return b;
    }

    /// <summary>A float16 input [batch, 4] through a ReLU.</summary>
    public static Builder HalfPrecision()
    {
        var b = new Builder("half");
        var x = b.Input("x", ElementType.Float16, "batch", 4);
        b.Output(b.Node("Relu", new[] { x }, new[] { "y" }), ElementType.Float16, "batch", 4);
        return b;
    }
}
