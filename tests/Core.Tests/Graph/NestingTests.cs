using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

/// <summary>
/// Control flow nested as deep as ONNX Runtime loads is analysed, on a small stack; deeper nesting is refused with
/// EM1109, never a stack overflow or "corrupt file". ONNX Runtime 1.31 loads this If chain 31 deep and refuses it 32 deep
/// (protobuf's 100 message levels); its newer versions also refuse subgraphs more than 32 levels deep.
/// </summary>
public sealed class NestingTests
{
    [Test]
    public void Ifs_nested_as_deep_as_onnx_runtime_loads_are_analysed_on_a_small_stack()
    {
        var bytes = NestedIfs(31).ToBytes();
        StaticReport? report = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    report = StaticAnalyzer.Analyze(OnnxModel.Load(bytes, "deep.onnx"));
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Null);
            Assert.That(report!.Nodes.Count(n => n.OpType == "If"), Is.EqualTo(31));
            Assert.That(report.Count("flops"), Is.EqualTo(4), "one Relu of 4 elements runs, in the costed branch of the innermost If");
        });
    }

    [TestCase(32)]
    [TestCase(150)]
    public void Ifs_nested_deeper_than_protobuf_readers_accept_are_refused_with_where(int depth)
    {
        var bytes = NestedIfs(depth).ToBytes();

        var error = Assert.Throws<EfficiencyException>(() => OnnxModel.Load(bytes, "deep.onnx"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.NestingTooDeep));
            Assert.That(error.Message, Does.StartWith("'deep.onnx' nests its messages more than 100 deep, at the "));
            Assert.That(error.Message, Does.Contain("ONNX Runtime's included"));
            Assert.That(error.Location!.Element, Does.StartWith("main graph > node #0 > … > "));
            Assert.That(error.Message, Has.Length.LessThan(500));
        });
    }

    [Test]
    public void Subgraphs_more_than_32_levels_deep_are_refused_naming_the_node()
    {
        // Empty innermost branches keep the chain within protobuf's 100 message levels: the engine's own limit applies.
        var bytes = NestedIfs(GraphBuilder.MaxSubgraphDepth + 1, innermostEmpty: true).ToBytes();

        var error = Assert.Throws<EfficiencyException>(() => OnnxModel.Load(bytes, "deep.onnx"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.NestingTooDeep));
            Assert.That(error.Message, Does.Contain("the then_branch of node 'if32' (If) is a subgraph 33 levels deep; subgraphs may nest at most 32 levels"));
        });
    }

    /// <summary>
    /// <paramref name="depth"/> If nodes, each the then_branch of the one before; every else_branch and the innermost
    /// then_branch is a Relu of the outer input, with typed outputs as exporters write them.
    /// </summary>
    internal static Builder NestedIfs(int depth, bool innermostEmpty = false)
    {
        var main = new Builder();
        main.Input("x", ElementType.Float, 1, 4);
        main.Input("c", ElementType.Bool);
        AddIf(main, 0);
        main.Output("y0", ElementType.Float, 1, 4);
        return main;

        void AddIf(Builder graph, int level)
        {
            GraphProto then;
            if (level + 1 < depth)
            {
                var inner = new Builder($"g{level + 1}");
                AddIf(inner, level + 1);
                if (!innermostEmpty)
                {
                    inner.Output($"y{level + 1}", ElementType.Float, 1, 4);
                }

                then = inner.Graph;
            }
            else
            {
                then = innermostEmpty ? new GraphProto { Name = "empty" } : Leaf($"t{level}");
            }

            var otherwise = innermostEmpty && level + 1 == depth ? new GraphProto { Name = "empty" } : Leaf($"e{level}");
            graph.Graph.Node.Add(new NodeProto
            {
                Name = $"if{level}",
                OpType = "If",
                Input = { "c" },
                Output = { $"y{level}" },
                Attribute = { Builder.Attribute("then_branch", then), Builder.Attribute("else_branch", otherwise) },
            });
        }

        GraphProto Leaf(string output)
        {
            var leaf = new Builder(output);
            leaf.Node("Relu", new[] { "x" }, new[] { output });
            if (!innermostEmpty)
            {
                leaf.Output(output, ElementType.Float, 1, 4);
            }

            return leaf.Graph;
        }
    }
}
