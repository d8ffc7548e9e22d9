using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.CostModel;

/// <summary>
/// Builds cost test models whose intermediate values carry declared types (<c>value_info</c>), so the
/// cost rules are tested independently of which shape rules exist.
/// </summary>
internal static class DeclaredTypes
{
    public static string Declare(this Builder builder, string value, ElementType type, params long[] dims)
    {
        builder.Graph.ValueInfo.Add(Builder.ValueInfo(value, type, dims.Cast<object>().ToArray()));
        return value;
    }

    /// <summary>Adds a node with one float output of the given shape and returns the output's name.</summary>
    public static string Typed(this Builder builder, string opType, string[] inputs, long[] outputDims,
        params (string Name, object Value)[] attributes) =>
        builder.Typed(opType, inputs, ElementType.Float, outputDims, attributes);

    public static string Typed(this Builder builder, string opType, string[] inputs, ElementType outputType, long[] outputDims,
        params (string Name, object Value)[] attributes) =>
        builder.Declare(builder.Op(opType, inputs, attributes), outputType, outputDims);

    /// <summary>Marks <paramref name="value"/> as the graph output and analyses the model at its declared shapes.</summary>
    public static StaticReport Analyze(this Builder builder, string value)
    {
        builder.Output(value);
        return StaticAnalyzer.Analyze(builder.Load());
    }
}
