namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft Inverse: the inverse of each square matrix of X (…, n, n), in X's shape and type.</summary>
internal sealed class InverseShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Inverse" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        if (x.Rank < 2)
        {
            throw context.Invalid($"X {x} must be a matrix or a batch of matrices");
        }

        if (ShapeMath.Differ(x[x.Rank - 2], x[x.Rank - 1]))
        {
            throw context.Invalid($"the matrices of X {x} are not square");
        }

        context.SetOutput(0, type);
    }
}
