using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// A streaming voice-activity detector in the form silero VAD v5 and v6 take: a chunk of audio <c>input</c>
/// [batch, samples], a recurrent <c>state</c> [2, batch, 128] and a sample rate <c>sr</c> (an int64 scalar). An
/// <c>If</c> on <c>sr == 16000</c> chooses the 16 kHz network (the chunk read as frames of 128 samples) or the
/// 8 kHz one (frames of 256, then a Squeeze that only types on chunks of 256 samples). Frame counts are computed
/// from the chunk's shape at run time, so ONNX Runtime loads the model at any chunk length, while at 1x512 the 8 kHz
/// branch cannot be typed, as in the real models.
/// </summary>
public static class SampleRateModels
{
    /// <summary>The width of the recurrent state and of each frame's features.</summary>
    public const long Width = 128;

    /// <summary>MACs of the 16 kHz branch on a 1x512 chunk: 4 frames through a 128x128 projection, then a 128x1 head.</summary>
    public const long Macs16k = (4 * Width * Width) + Width;

    public static ModelBuilder VoiceActivity()
    {
        var model = new ModelBuilder("voice_activity", opset: 17, WeightStorage.Random);
        var input = model.Input("input", ElementType.Float, "batch", "samples");
        var state = model.Input("state", ElementType.Float, 2L, "batch", Width);
        var sr = model.Input("sr", ElementType.Int64);
        var is16k = model.Op("Equal", new[] { sr, model.Int64s("sixteen_khz", Array.Empty<long>(), new[] { 16000L }) });
        model.Node("If", new[] { is16k }, new[] { "output", "stateN" },
            ("then_branch", Branch("k16", input, state, frame: Width, squeeze: false).Graph),
            ("else_branch", Branch("k8", input, state, frame: 2 * Width, squeeze: true).Graph));
        model.Output("output", ElementType.Float, "batch", 1L);
        model.Output("stateN", ElementType.Float, 2L, "batch", Width);
        return model;
    }

    /// <summary>
    /// The chunk reshaped to [1, samples / frame, frame], each frame projected to the state's width and averaged over
    /// frames, added to the state, and a sigmoid head. With <paramref name="squeeze"/> the frame axis is squeezed first,
    /// which contradicts Squeeze unless the chunk holds one frame.
    /// </summary>
    private static ModelBuilder Branch(string name, string input, string state, long frame, bool squeeze)
    {
        var b = new ModelBuilder(name, opset: 17, WeightStorage.Random);
        string Named(string what) => $"{name}_{what}";
        b.Node("Shape", new[] { input }, new[] { Named("shape") });
        b.Node("Gather", new[] { Named("shape"), b.Int64s(Named("samples_axis"), Array.Empty<long>(), new[] { 1L }) }, new[] { Named("samples") }, ("axis", 0L));
        b.Node("Div", new[] { Named("samples"), b.Int64s(Named("frame"), Array.Empty<long>(), new[] { frame }) }, new[] { Named("frames") });
        b.Node("Unsqueeze", new[] { Named("frames"), b.Int64s(Named("axis0"), 0L) }, new[] { Named("frames_1d") });
        b.Node("Concat", new[] { b.Int64s(Named("one"), 1L), Named("frames_1d"), b.Int64s(Named("frame_1d"), frame) }, new[] { Named("target") }, ("axis", 0L));
        b.Node("Reshape", new[] { input, Named("target") }, new[] { Named("framed") });
        var framed = Named("framed");
        if (squeeze)
        {
            b.Node("Squeeze", new[] { framed, b.Int64s(Named("squeeze_axes"), 1L) }, new[] { Named("squeezed") });
            b.Node("Unsqueeze", new[] { Named("squeezed"), b.Int64s(Named("unsqueeze_axes"), 1L) }, new[] { Named("restored") });
            framed = Named("restored");
        }

        b.Node("MatMul", new[] { framed, b.Weight(Named("project"), frame, Width) }, new[] { Named("features") });
        b.Node("ReduceMean", new[] { Named("features") }, new[] { Named("pooled") }, ("axes", new[] { 1L }), ("keepdims", 0L));
        b.Node("Unsqueeze", new[] { Named("pooled"), b.Int64s(Named("state_axis"), 0L) }, new[] { Named("pooled_3d") });
        b.Node("Add", new[] { state, Named("pooled_3d") }, new[] { Named("state_out") });
        b.Node("MatMul", new[] { Named("pooled"), b.Weight(Named("head"), Width, 1) }, new[] { Named("logit") });
        b.Node("Sigmoid", new[] { Named("logit") }, new[] { Named("probability") });
        b.Output(Named("probability"), ElementType.Float, "batch", 1L);
        b.Output(Named("state_out"), ElementType.Float, 2L, "batch", Width);
        return b;
    }
}
