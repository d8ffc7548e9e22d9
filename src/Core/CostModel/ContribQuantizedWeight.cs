using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// The weights of ONNX Runtime's quantized com.microsoft operators. Block-quantized ones store several
/// low-bit values per byte: MatMulNBits' B (input 1), a K×N matrix in <c>bits</c>-bit blocks packed into
/// uint8, and likewise the gate and up weights of MatMulNBitsMlp (inputs 3, 6, K×N each) and the Q, K and V weights
/// of MatMulNBitsQkv (inputs 3, 6, 9: K×Nq, K×Nkv, K×Nkv); GatherBlockQuantized's data (input 0), int4/uint4 or <c>bits</c>-bit values packed into uint8;
/// QMoE's expert weights (inputs 2, 5, 8) of <c>expert_weight_bits</c> packed into uint8. Their parameters
/// are the logical elements (K·N for MatMulNBits), not the packed bytes; the packed bytes are what
/// <c>model_size</c> and <c>memory_access</c> see. DynamicQuantizeMatMul's and MatMulIntegerToFloat's B
/// and QAttention's weight (input 1), QGemm's B (input 3) and int32 bias (input 6), QLinearConv's w (3) and int32
/// bias (8), DynamicQuantizeLSTM's W and R (1, 2), MatMulInteger16's A or B (0, 1), and DequantizeLinear's x (0), the 16-bit or int4 weights of contrib QDQ models, hold one weight per element. Scales, zero points and MatMulNBits' g_idx (and
/// the per-projection scales of the fused MatMulNBits operators) are quantization parameters.
/// </summary>
internal static class ContribQuantizedWeight
{
    private const string Contrib = "com.microsoft";
    private const int DefaultBits = 4;
    private const int QkvQueryWeight = 3;

    /// <summary>Whether the read is of a quantized weight.</summary>
    public static bool IsWeight(Node node, int input) =>
        node.Domain == Contrib && (node.OpType, input) is ("MatMulNBits", 1) or ("MatMulNBitsMlp", 3 or 6) or ("MatMulNBitsQkv", 3 or 6 or 9) or ("GatherBlockQuantized", 0) or ("QMoE", 2 or 5 or 8)
            or ("DynamicQuantizeMatMul", 1) or ("MatMulIntegerToFloat", 1) or ("QAttention", 1) or ("QGemm", 3 or 6)
            or ("MatMulBlockQuantizedFp8Weight", 1 or 4) or ("MatMulBlockQuantizedFp4Weight", 1 or 5) or ("MatMulBnb4", 1)
            or ("DequantizeLinear", 0) or ("QLinearConv", 3 or 8) or ("DynamicQuantizeLSTM", 1 or 2) or ("MatMulInteger16", 0 or 1);

    /// <summary>Whether the read is of a scale, zero point or group index of a quantized operator.</summary>
    public static bool IsQuantizationParameter(Node node, int input) =>
        node.Domain == Contrib && node.OpType switch
        {
            "MatMulNBits" => input is 2 or 3 or 4,
            "MatMulNBitsMlp" => input is 4 or 7,
            "MatMulNBitsQkv" => input is 4 or 7 or 10,
            "GatherBlockQuantized" => input is 2 or 3,
            "QMoE" => input is 3 or 6 or 9 or 11 or 12 or 13,
            "DynamicQuantizeMatMul" => input is 2 or 3,
            "MatMulIntegerToFloat" => input is 2 or 3 or 4 or 5,
            "QAttention" => input is 3 or 4 or 6 or 7,
            "DynamicQuantizeLSTM" => input is >= 8 and <= 11,
            "MulInteger" => input is 1 or 3,
            "QGemm" => input is 1 or 2 or 4 or 5 or 7 or 8,
            "MatMulBlockQuantizedFp8Weight" => input is 2 or 3,
            "MatMulBlockQuantizedFp4Weight" => input is 2 or 3 or 4,
            "MatMulBnb4" => input == 2,
            "QuantizeLinear" or "DequantizeLinear" => input is 1 or 2,
            "QLinearConv" => input is 1 or 2 or 4 or 5 or 6 or 7,
            "QLinearAdd" or "QLinearMul" => input is 1 or 2 or 4 or 5 or 6 or 7,
            "QLinearWhere" => input is 2 or 3 or 5 or 6 or 7 or 8,
            "QLinearConcat" => input < 2 || (input - 2) % 3 != 0,
            "QLinearSigmoid" or "QLinearLeakyRelu" or "QLinearSoftmax" or "QLinearGlobalAveragePool" or "QLinearAveragePool" or "QLinearReduceMean" => input is >= 1 and <= 4,
            _ => false,
        };

    /// <summary>The logical elements a weight read by <paramref name="node"/> as its input <paramref name="input"/> holds.</summary>
    public static long LogicalElements(Node node, int input, TensorInfo tensor)
    {
        if (node.OpType is "MatMulNBits" or "MatMulBnb4" or "MatMulNBitsMlp")
        {
            return checked(node.Attributes.GetInt("K", 0) * node.Attributes.GetInt("N", 0));
        }

        if (node.OpType == "MatMulNBitsQkv")
        {
            return checked(node.Attributes.GetInt("K", 0) * node.Attributes.GetInt(input == QkvQueryWeight ? "Nq" : "Nkv", 0));
        }

        if (node.OpType == "MatMulBlockQuantizedFp4Weight" && tensor.ElementType == ElementType.UInt8 && tensor.Dims.Count == 2)
        {
            return checked(2 * tensor.ElementCount);
        }

        if (node.OpType is not ("GatherBlockQuantized" or "QMoE"))
        {
            return tensor.ElementCount;
        }

        var bits = node.Attributes.GetInt(node.OpType == "QMoE" ? "expert_weight_bits" : "bits", DefaultBits);
        return tensor.ElementType == ElementType.UInt8 && bits is > 0 and < 8 ? checked(tensor.ElementCount * (8 / bits)) : tensor.ElementCount;
    }
}
