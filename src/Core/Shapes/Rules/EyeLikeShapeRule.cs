namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>EyeLike and the *Like random generators: the input's shape, dtype attribute or the input's type.</summary>
internal sealed class EyeLikeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "EyeLike", "RandomNormalLike", "RandomUniformLike" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var dtype = context.DataType("dtype", type.ElementType);
        context.SetOutput(0, type with { ElementType = dtype });
    }
}
