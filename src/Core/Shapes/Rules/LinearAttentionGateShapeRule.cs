namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft LinearAttentionGate, the fused gate projections of LinearAttention's gated-delta recurrence: from a
/// (B, T, H) and the per-head dt_bias and decay_scale (H), the decay (B, T, H); from the optional b (B, T, H), which the
/// beta output requires, the beta (B, T, H). Both in a's type.
/// </summary>
internal sealed class LinearAttentionGateShapeRule : IShapeRule
{
    private const int BInput = 3;
    private const int BetaOutput = 1;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "LinearAttentionGate" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var a = context.RequireShape(0);
        var (bias, scale) = (context.RequireShape(1), context.RequireShape(2));
        if (a.Rank != 3 || bias.Rank != 1 || scale.Rank != 1 || ShapeMath.Differ(bias[0], a[2]) || ShapeMath.Differ(scale[0], a[2]))
        {
            throw context.Invalid($"a {a} must be (batch, sequence, heads), and dt_bias {bias} and decay_scale {scale} (heads)");
        }

        var b = context.InputType(BInput)?.Shape;
        if (b is not null && (b.Rank != 3 || Enumerable.Range(0, 3).Any(i => ShapeMath.Differ(a[i], b[i]))))
        {
            throw context.Invalid($"b {b} does not have a's shape {a}");
        }

        if (!context.HasInput(BInput) && context.OutputCount > BetaOutput && context.Node.Outputs[BetaOutput].Length > 0)
        {
            throw context.Invalid("the beta output requires the b input");
        }

        context.SetOutput(0, type);
        context.SetOutput(BetaOutput, type);
    }
}
