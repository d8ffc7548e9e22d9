using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Google.Protobuf;
using AttributeType = EfficiencyMisnomer.Onnx.Wire.AttributeProto.Types.AttributeType;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

/// <summary>Attributes are read as the type their operator gives them; any other type is a coded error (EM1106), never the default.</summary>
public sealed class NodeAttributesTests
{
    [Test]
    public void A_string_kernel_shape_on_conv_is_refused_naming_node_operator_attribute_and_both_types()
    {
        var b = ConvWith(new AttributeProto { Name = "kernel_shape", Type = AttributeType.String, S = ByteString.CopyFromUtf8("3,3") });

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(b.Load()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidAttribute));
            Assert.That(error.Message, Does.Contain("node 'conv_3' (Conv) has attribute 'kernel_shape' of type STRING, but the operator reads it as INTS"));
            Assert.That(error.Location!.Element, Is.EqualTo("node 'conv_3'"));
        });
    }

    [Test]
    public void An_int_where_ints_are_expected_is_refused()
    {
        var b = ConvWith(new AttributeProto { Name = "strides", Type = AttributeType.Int, I = 2 });

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(b.Load()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidAttribute));
            Assert.That(error.Message, Does.Contain("attribute 'strides' of type INT, but the operator reads it as INTS"));
        });
    }

    [Test]
    public void A_float_group_is_refused_rather_than_read_as_one()
    {
        var b = ConvWith(new AttributeProto { Name = "group", Type = AttributeType.Float, F = 2 });

        var error = Assert.Throws<EfficiencyException>(() => StaticAnalyzer.Analyze(b.Load()))!;

        Assert.That(error.Message, Does.Contain("attribute 'group' of type FLOAT, but the operator reads it as INT"));
    }

    [Test]
    public void A_type_field_that_contradicts_the_value_is_refused_at_load()
    {
        var attribute = new AttributeProto { Name = "kernel_shape", Type = AttributeType.Ints, S = ByteString.CopyFromUtf8("3") };
        var b = ConvWith(attribute);

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidAttribute));
            Assert.That(error.Message, Does.Contain("attribute 'kernel_shape' declared INTS but holding a STRING value"));
        });
    }

    [Test]
    public void Two_values_without_a_type_are_refused_at_load()
    {
        var attribute = new AttributeProto { Name = "kernel_shape", I = 3 };
        attribute.Ints.Add(3);

        var error = Assert.Throws<EfficiencyException>(() => ConvWith(attribute).Load())!;

        Assert.That(error.Message, Does.Contain("attribute 'kernel_shape' holding values of several types (INT, INTS)"));
    }

    [Test]
    public void An_attribute_with_neither_type_nor_value_is_refused_at_load()
    {
        var error = Assert.Throws<EfficiencyException>(() => ConvWith(new AttributeProto { Name = "group" }).Load())!;

        Assert.That(error.Message, Does.Contain("attribute 'group' with neither a type nor a value"));
    }

    [Test]
    public void An_unknown_attribute_type_is_refused_at_load()
    {
        var error = Assert.Throws<EfficiencyException>(() => ConvWith(new AttributeProto { Name = "group", Type = (AttributeType)99, I = 1 }).Load())!;

        Assert.That(error.Message, Does.Contain("attribute 'group' of unknown type 99"));
    }

    [Test]
    public void An_attribute_given_twice_is_refused_at_load()
    {
        var error = Assert.Throws<EfficiencyException>(() => ConvWith(
            new AttributeProto { Name = "group", Type = AttributeType.Int, I = 1 },
            new AttributeProto { Name = "group", Type = AttributeType.Int, I = 2 }).Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidAttribute));
            Assert.That(error.Message, Does.Contain("node 'conv_3' (Conv) gives attribute 'group' twice"));
        });
    }

    [Test]
    public void An_attribute_without_a_type_field_is_read_by_the_value_it_holds()
    {
        var strides = new AttributeProto { Name = "strides" };
        strides.Ints.AddRange(new long[] { 2, 2 });

        var types = ConvWith(strides).Infer();

        Assert.That(types.Shape("y"), Is.EqualTo("[1x8x4x4]"));
    }

    [Test]
    public void A_typed_int_without_its_value_is_zero_as_in_proto3_files()
    {
        // proto3 writers leave zero values out: an INT attribute with no value is 0, not the operator's default (1 for Flatten).
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2, 3, 4);
        var node = new NodeProto { Name = "flatten", OpType = "Flatten" };
        node.Input.Add(x);
        node.Output.Add("y");
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeType.Int });
        b.Graph.Node.Add(node);
        b.Output("y");

        Assert.That(b.Infer().Shape("y"), Is.EqualTo("[1x24]"));
    }

    [Test]
    public void Cast_before_opset_6_names_its_target_type()
    {
        var b = new Builder(opset: 5);
        var x = b.Input("x", ElementType.Float, 2);
        b.Node("Cast", new[] { x }, new[] { "y" }, ("to", "INT64"));
        b.Output("y");

        Assert.That(b.Infer().Element("y"), Is.EqualTo(ElementType.Int64));
    }

    [Test]
    public void A_cast_target_beyond_32_bits_is_refused_rather_than_truncated()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 2);
        b.Node("Cast", new[] { x }, new[] { "y" }, ("to", (1L << 32) + 1)); // truncated to 32 bits it would read as FLOAT
        b.Output("y");

        var error = ShapeTestKit.Rejects(b);

        Assert.That(error.Message, Does.Contain("to 4294967297 is not an ONNX data type"));
    }

    private static Builder ConvWith(params AttributeProto[] attributes)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 3, 8, 8);
        var w = b.Weight("w", 8, 3, 3, 3);
        var node = new NodeProto { Name = "conv_3", OpType = "Conv" };
        node.Input.Add(x);
        node.Input.Add(w);
        node.Output.Add("y");
        node.Attribute.Add(new AttributeProto { Name = "pads", Type = AttributeType.Ints, Ints = { 1, 1, 1, 1 } });
        node.Attribute.AddRange(attributes);
        b.Graph.Node.Add(node);
        b.Output("y");
        return b;
    }
}
