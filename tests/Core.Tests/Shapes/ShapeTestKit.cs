using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Shapes;

/// <summary>Runs shape inference on a built model and reads results in a form that is easy to assert on.</summary>
internal static class ShapeTestKit
{
    public static InferredTypes Infer(this Builder builder, params string[] bindings) =>
        ShapeInference.Run(builder.Load(), bindings.Length == 0 ? ShapeBindings.None : ShapeBindings.Parse(bindings));

    /// <summary>The inferred shape as text, e.g. <c>[1x64x112x112]</c>; "none" when not inferred.</summary>
    public static string Shape(this InferredTypes types, string name) => types.TypeOf(name)?.Shape?.ToString() ?? "none";

    public static ElementType? Element(this InferredTypes types, string name) => types.TypeOf(name)?.ElementType;

    public static long[]? Ints(this InferredTypes types, string name) => types.ValueOf(name)?.Integers;

    public static double[]? Reals(this InferredTypes types, string name) => types.ValueOf(name)?.ToReals();

    /// <summary>A scalar int64 initializer.</summary>
    public static string Scalar(this Builder builder, string name, long value) => builder.Int64s(name, Array.Empty<long>(), new[] { value });

    /// <summary>A scalar float initializer.</summary>
    public static string ScalarFloat(this Builder builder, string name, float value) => builder.Floats(name, Array.Empty<long>(), new[] { value });

    public static EfficiencyException Rejects(Builder builder)
    {
        var model = builder.Load();
        return Assert.Throws<EfficiencyException>(() => ShapeInference.Run(model, ShapeBindings.None))!;
    }

    public static void AssertShapeMismatch(Builder builder, string nodeName)
    {
        var error = Rejects(builder);
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ShapeMismatch));
            Assert.That(error.Message, Does.Contain($"'{nodeName}'"));
        });
    }
}
