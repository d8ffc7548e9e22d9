using System.Globalization;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GatedRMSNorm: Y = RMSNorm(X) · scale · SiLU(gate) has X's shape. X is (…, H·C), normalized
/// per group of C elements, C being the length of the 1-D scale; gate has X's shape.
/// </summary>
internal sealed class GatedRmsNormShapeRule : IShapeRule
{
    private const int ScaleInput = 1;
    private const int GateInput = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedRMSNorm" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        var scale = context.RequireShape(ScaleInput);
        var gate = context.RequireShape(GateInput);
        if (x.Rank == 0 || scale.Rank != 1)
        {
            throw context.Invalid($"X {x} needs a last dim and scale {scale} must be 1-D");
        }

        if (x[^1].IsKnown && scale[0].IsKnown && (scale[0].Value == 0 || x[^1].Value % scale[0].Value != 0))
        {
            throw context.Invalid($"X's last dim {x[^1]} is not a multiple of the scale's length {scale[0].Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (gate.Rank != x.Rank || Enumerable.Range(0, x.Rank).Any(i => x[i].IsKnown && gate[i].IsKnown && x[i].Value != gate[i].Value))
        {
            throw context.Invalid($"gate {gate} does not have X's shape {x}");
        }

        context.SetOutput(0, type);
    }
}
