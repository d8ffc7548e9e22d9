namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>How an encoder layer's attention is written in the graph.</summary>
public enum EncoderFusion
{
    /// <summary>Default-domain MatMul, Softmax, LayerNormalization, ... as torch exports it.</summary>
    Unfused,

    /// <summary>ONNX Runtime's com.microsoft Attention with packed Q/K/V weights.</summary>
    Attention,

    /// <summary>Separate Q, K, V MatMuls feeding com.microsoft MultiHeadAttention.</summary>
    MultiHeadAttention,
}
