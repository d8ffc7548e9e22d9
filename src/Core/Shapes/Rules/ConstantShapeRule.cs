using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Constant: the value tensor, or one of value_float(s), value_int(s), value_string(s).</summary>
internal sealed class ConstantShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Constant" };

    public void Infer(ShapeContext context)
    {
        var attributes = context.Attributes;
        if (attributes.GetTensor("value") is { } tensor)
        {
            context.SetOutput(0, tensor.Type, tensor.Value);
        }
        else if (attributes.GetIntOrNull("value_int") is { } integer)
        {
            context.SetOutput(0, ElementType.Int64, TensorShape.Scalar, TensorValue.Scalar(integer));
        }
        else if (attributes.GetInts("value_ints") is { } integers)
        {
            context.SetOutput(0, ElementType.Int64, TensorShape.Of(integers.Length), TensorValue.Vector(integers));
        }
        else if (attributes.Has("value_float"))
        {
            var value = TensorValue.FromReals(ElementType.Float, Array.Empty<long>(), new double[] { attributes.GetFloat("value_float", 0) });
            context.SetOutput(0, value.Type, value);
        }
        else if (attributes.GetFloats("value_floats") is { } floats)
        {
            var value = TensorValue.FromReals(ElementType.Float, new long[] { floats.Length }, floats.Select(f => (double)f).ToArray());
            context.SetOutput(0, value.Type, value);
        }
        else if (attributes.Has("value_string"))
        {
            context.SetOutput(0, ElementType.String, TensorShape.Scalar);
        }
        else if (attributes.GetStrings("value_strings") is { } strings)
        {
            context.SetOutput(0, ElementType.String, TensorShape.Of(strings.Length));
        }
        else
        {
            throw new ShapeInferenceException("the Constant has no dense value (sparse_value is not supported)");
        }
    }
}
