using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GridSample, ONNX Runtime's spatial transformer sampler: X (N, C, H, W) read at the locations of
/// Grid (N, H_out, W_out, 2) gives (N, C, H_out, W_out) in X's type. Only 4-D inputs are defined; <c>mode</c> is
/// bilinear (default), nearest or bicubic, <c>padding_mode</c> zeros (default), border or reflection.
/// </summary>
internal class GridSampleShapeRule : IShapeRule
{
    private static readonly string[] PaddingModes = { "zeros", "border", "reflection" };

    public virtual string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GridSample" };

    /// <summary>The interpolation modes of this domain's operator; the first is the default.</summary>
    protected virtual string[] Modes { get; } = { "bilinear", "nearest", "bicubic" };

    /// <summary>Whether X may have other than two spatial dims (ONNX opset 20 and later).</summary>
    protected virtual bool AnyRank(ShapeContext context) => false;

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var grid = context.RequireShape(1);
        if (AnyRank(context) ? x.Rank < 3 || grid.Rank != x.Rank : x.Rank != 4 || grid.Rank != 4)
        {
            throw context.Invalid(AnyRank(context) ? $"X {x} and Grid {grid} must have one rank of at least 3" : $"X {x} and Grid {grid} must both be 4-D");
        }

        var spatial = x.Rank - 2;
        if (grid[^1].IsKnown && grid[^1].Value != spatial)
        {
            throw context.Invalid($"Grid's last dim is {grid[^1].Value}, not the {spatial} coordinates of a location in X's spatial dims");
        }

        if (ShapeMath.Differ(x[0], grid[0]))
        {
            throw context.Invalid($"X's batch {x[0].Value} differs from Grid's {grid[0].Value}");
        }

        ShapeMath.Choice(context, "mode", Modes);
        ShapeMath.Choice(context, "padding_mode", PaddingModes);
        var batch = x[0].IsKnown ? x[0] : grid[0];
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { batch, x[1] }.Concat(grid.Skip(1).Take(spatial))));
    }
}

/// <summary>
/// ONNX GridSample: as ONNX Runtime's contrib operator at opset 16 (4-D, bilinear, nearest, bicubic); from opset 20
/// X (N, C, D1..Dk) is read at Grid (N, O1..Ok, k) for any k, the modes renamed linear (default), nearest, cubic.
/// </summary>
internal sealed class OnnxGridSampleShapeRule : GridSampleShapeRule
{
    private const int NamesChanged = 20;

    public override string Domain => string.Empty;

    protected override string[] Modes { get; } = { "bilinear", "linear", "nearest", "bicubic", "cubic" };

    protected override bool AnyRank(ShapeContext context) => context.Opset >= NamesChanged;
}
