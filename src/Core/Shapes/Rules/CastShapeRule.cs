using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Cast and CastLike: same shape, new element type, values converted as the runtime converts them.</summary>
internal sealed class CastShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Cast", "CastLike" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var target = context.Node.OpType == "CastLike" ? context.RequireType(1).ElementType : Target(context);
        if (target == ElementType.Undefined)
        {
            throw context.Invalid("the target type 'to' is missing or unknown");
        }

        context.SetOutput(0, type with { ElementType = target }, Convert(context.InputValue(0), target));
    }

    /// <summary>The <c>to</c> attribute: a data type number from opset 6, a data type name (<c>FLOAT</c>) before.</summary>
    private static ElementType Target(ShapeContext context)
    {
        if (context.Opset >= 6)
        {
            return context.DataType("to", ElementType.Undefined);
        }

        var name = context.Attributes.GetString("to", string.Empty);
        return Enum.TryParse<ElementType>(name, ignoreCase: true, out var named) && Enum.IsDefined(named) && !int.TryParse(name, out _)
            ? named
            : ElementType.Undefined;
    }

    /// <summary>Floats become integers by truncation toward zero; anything nonzero becomes true.</summary>
    public static TensorValue? Convert(TensorValue? value, ElementType target)
    {
        if (value is null || target == ElementType.String)
        {
            return null;
        }

        var dims = value.Dims.ToArray();
        if (target == ElementType.Bool)
        {
            return ValueMath.Create(target, dims, i => value.RealAt(i) != 0 ? 1 : 0, _ => 0);
        }

        return target == ElementType.Float
            ? ValueMath.Create(target, dims, _ => 0, i => (float)value.RealAt(i))
            : ValueMath.Create(target, dims, i => value.IsInteger ? value.Integers![i] : Truncate(value.Reals![i]), i => value.RealAt(i));
    }

    private static long Truncate(double x) => double.IsNaN(x) ? 0 : (long)Math.Truncate(x);
}
