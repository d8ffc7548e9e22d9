using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Loops for the tests that bound how long an inference may run.</summary>
public static class LoopModels
{
    /// <summary>
    /// Adds a Loop of <paramref name="trips"/> iterations (no condition) whose body multiplies a (1, 4) state by a 4×4
    /// weight; returns the final state's name. Each iteration is about a microsecond, so 2^40 of them never finish.
    /// </summary>
    public static string MatMulLoop(ModelBuilder model, string trips, string initial, string output)
    {
        ArgumentNullException.ThrowIfNull(model);
        var w = model.Weight(model.Fresh("loop_w"), 4, 4);
        var body = new ModelBuilder("body");
        body.Input("i", ElementType.Int64);
        var condition = body.Input("c", ElementType.Bool);
        var h = body.Input("h", ElementType.Float, 1, 4);
        body.Node("Identity", new[] { condition }, new[] { "c_out" });
        body.Node("MatMul", new[] { h, w }, new[] { "h_out" });
        body.Output("c_out", ElementType.Bool);
        body.Output("h_out", ElementType.Float, 1, 4);
        return model.Node("Loop", new[] { trips, "", initial }, new[] { output }, ("body", body.Graph));
    }
}
