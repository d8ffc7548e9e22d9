using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GridSample, ONNX Runtime's spatial transformer sampler: X (N, C, H, W) read at the locations of
/// Grid (N, H_out, W_out, 2) gives (N, C, H_out, W_out) in X's type. Only 4-D inputs are defined; <c>mode</c> is
/// bilinear (default), nearest or bicubic, <c>padding_mode</c> zeros (default), border or reflection.
/// </summary>
internal sealed class GridSampleShapeRule : IShapeRule
{
    private static readonly string[] Modes = { "bilinear", "nearest", "bicubic" };
    private static readonly string[] PaddingModes = { "zeros", "border", "reflection" };

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GridSample" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var grid = context.RequireShape(1);
        if (x.Rank != 4 || grid.Rank != 4)
        {
            throw context.Invalid($"X {x} and Grid {grid} must both be 4-D");
        }

        if (grid[3].IsKnown && grid[3].Value != 2)
        {
            throw context.Invalid($"Grid's last dim is {grid[3].Value}, not the 2 coordinates (x, y)");
        }

        if (ShapeMath.Differ(x[0], grid[0]))
        {
            throw context.Invalid($"X's batch {x[0].Value} differs from Grid's {grid[0].Value}");
        }

        Require(context, "mode", "bilinear", Modes);
        Require(context, "padding_mode", "zeros", PaddingModes);
        var batch = x[0].IsKnown ? x[0] : grid[0];
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { batch, x[1], grid[1], grid[2] }));
    }

    private static void Require(ShapeContext context, string attribute, string fallback, string[] allowed)
    {
        var value = context.Attributes.GetString(attribute, fallback);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw context.Invalid($"{attribute} '{UserText.Quote(value)}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
