namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>EyeLike, the *Like random generators and Bernoulli: the input's shape, dtype attribute or the input's type.</summary>
internal sealed class EyeLikeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "EyeLike", "RandomNormalLike", "RandomUniformLike", "Bernoulli" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var dtype = context.DataType("dtype", type.ElementType);
        context.SetOutput(0, type with { ElementType = dtype });
    }
}
