namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Where(condition, X, Y): the three inputs broadcast; the output has X's type.</summary>
internal sealed class WhereShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Where" };

    public void Infer(ShapeContext context)
    {
        var shape = ShapeMath.Broadcast(context, context.RequireShape(0), context.RequireShape(1), context.RequireShape(2));
        var elementType = context.RequireType(1).ElementType;
        var values = new[] { context.InputValue(0), context.InputValue(1), context.InputValue(2) };
        bool integral = values.Skip(1).All(v => v is { IsInteger: true });

        // The condition is bool (integers) while X and Y may be real: pick in whichever storage X and Y use.
        var value = integral
            ? ValueMath.Broadcast(values, elementType, v => v[0] != 0 ? v[1] : v[2], null)
            : ValueMath.Broadcast(values, elementType, null, v => v[0] != 0 ? v[1] : v[2]);
        context.SetOutput(0, elementType, shape, value);
    }
}
