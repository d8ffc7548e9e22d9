using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests;

/// <summary>Small If branches, Loop and Scan bodies for control-flow tests. Value names carry the body's name, as ONNX names are unique model-wide.</summary>
internal static class ControlFlowBodies
{
    /// <summary>
    /// A Loop body over one loop-carried state <c>h</c> of width <paramref name="width"/>: <c>h ← h · weight</c>,
    /// the condition passed through; with <paramref name="scanOutput"/>, <c>Relu(h)</c> is emitted every iteration.
    /// Its inputs are declared with a symbolic row count, so only the Loop rule can size them.
    /// </summary>
    public static Builder LoopBody(string name, string weight, long width, bool scanOutput = false)
    {
        var body = new Builder(name);
        body.Input($"{name}_i", ElementType.Int64);
        var condition = body.Input($"{name}_c", ElementType.Bool);
        var h = body.Input($"{name}_h", ElementType.Float, "rows", width);
        body.Node("Identity", new[] { condition }, new[] { $"{name}_c_out" });
        body.Node("MatMul", new[] { h, weight }, new[] { $"{name}_h_out" });
        body.Output($"{name}_c_out", ElementType.Bool);
        body.Output($"{name}_h_out");
        if (scanOutput)
        {
            body.Node("Relu", new[] { $"{name}_h_out" }, new[] { $"{name}_y" });
            body.Output($"{name}_y");
        }

        return body;
    }

    /// <summary>A branch with no inputs whose one output is <paramref name="opType"/> applied to outer values.</summary>
    public static Builder Branch(string name, string opType, params string[] inputs)
    {
        var branch = new Builder(name);
        branch.Node(opType, inputs, new[] { $"{name}_out" });
        branch.Output($"{name}_out");
        return branch;
    }

    /// <summary>A Constant node holding a bool scalar; returns its output.</summary>
    public static string Bool(this Builder builder, string name, bool value) =>
        builder.Node("Constant", Array.Empty<string>(), new[] { name }, ("value", Builder.Tensor(ElementType.Bool, Array.Empty<long>(), new[] { value })));

    /// <summary>Adds an If node over the two branches; returns its output.</summary>
    public static string If(this Builder builder, string condition, Builder then, Builder otherwise, string output = "y") =>
        builder.Node("If", new[] { condition }, new[] { output }, ("then_branch", then.Graph), ("else_branch", otherwise.Graph));
}
