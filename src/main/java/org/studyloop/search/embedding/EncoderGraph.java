package org.studyloop.search.embedding;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two rewrites of the exported BERT graph that leave the vector StudyLoop reads — the hidden state
 * of the first position, CLS — as it was, and cost ONNX Runtime less (bench/README.md, "Search"):
 *
 * <ol>
 *   <li><b>Bias last.</b> The export adds each layer's bias as {@code Add(bias, x)}; ONNX Runtime
 *       folds a bias into the int8 matrix product before it ({@code MatMulIntegerToFloat},
 *       {@code DynamicQuantizeMatMul}) and into GELU only when it is the second operand. Addition
 *       commutes, so the operands are swapped.
 *   <li><b>The last layer for CLS alone.</b> Pooling reads one position of the last layer, and in
 *       a transformer layer a position's output depends on the other positions only through
 *       attention's keys and values (Vaswani et al., "Attention Is All You Need", 2017, §3.2). So
 *       the last layer still projects every position's keys and values, but its query, residual,
 *       feed-forward and layer norms run on the first position only: a twelfth of the network
 *       shrinks to a few per cent of it. Not bit for bit: the int8 model quantises each activation
 *       with one scale per tensor, now taken over the first position's values alone (cosine to the
 *       full graph's vector ≥ 0.9999, {@code EncoderGraphTests}).
 * </ol>
 *
 * <p>The model is read and written as protocol buffers by field number, from ONNX's {@code
 * onnx.proto3} (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto.input = 1,
 * output = 2, name = 3, op_type = 4; TensorProto.dims = 1, data_type = 2, int64_data = 7, name =
 * 8): everything else passes through untouched. A graph whose names do not match the export's
 * (another model) keeps its last layer whole.
 */
final class EncoderGraph {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int INT64 = 7;

    private static final Pattern LAYER = Pattern.compile("^/encoder/layer\\.(\\d+)/");
    private static final String FIRST = "studyloop_cls_";

    /** The rewritten model, and what was rewritten. */
    record Rewritten(byte[] model, int biasesMoved, boolean lastLayerForClsOnly) {}

    private EncoderGraph() {}

    /** @param clsOnly whether pooling reads the first position alone (rewrite 2 applies) */
    static Rewritten rewrite(byte[] model, boolean clsOnly) {
        try {
            var modelFields = UnknownFieldSet.parseFrom(model);
            var graph = UnknownFieldSet.parseFrom(
                    modelFields.getField(MODEL_GRAPH).getLengthDelimitedList().getFirst());
            var initializers = new HashSet<String>();
            for (var tensor : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
                initializers.add(string(UnknownFieldSet.parseFrom(tensor), TENSOR_NAME));
            }
            var nodes = new ArrayList<UnknownFieldSet>();
            for (var node : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
                nodes.add(UnknownFieldSet.parseFrom(node));
            }
            var moved = biasLast(nodes, initializers);
            var added = clsOnly ? clsOnly(nodes) : Optional.<Integer>empty();
            var newGraph = UnknownFieldSet.newBuilder(graph).clearField(GRAPH_NODE);
            var nodeField = UnknownFieldSet.Field.newBuilder();
            nodes.forEach(n -> nodeField.addLengthDelimited(n.toByteString()));
            newGraph.addField(GRAPH_NODE, nodeField.build());
            if (added.isPresent()) {
                var tensors = UnknownFieldSet.Field.newBuilder()
                        .mergeFrom(graph.getField(GRAPH_INITIALIZER))
                        .addLengthDelimited(int64(FIRST + "start", 0))
                        .addLengthDelimited(int64(FIRST + "end", 1))
                        .addLengthDelimited(int64(FIRST + "axis", 1));
                newGraph.addField(GRAPH_INITIALIZER, tensors.build());
            }
            var rewritten = UnknownFieldSet.newBuilder(modelFields)
                    .addField(
                            MODEL_GRAPH,
                            UnknownFieldSet.Field.newBuilder()
                                    .addLengthDelimited(newGraph.build().toByteString())
                                    .build())
                    .build();
            return new Rewritten(rewritten.toByteArray(), moved, added.isPresent());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the embedding model is not an ONNX model", e);
        }
    }

    /** Swaps {@code Add(constant, x)} to {@code Add(x, constant)}; gives how many. */
    private static int biasLast(List<UnknownFieldSet> nodes, Set<String> initializers) {
        var moved = 0;
        for (var i = 0; i < nodes.size(); i++) {
            var node = nodes.get(i);
            var inputs = strings(node, NODE_INPUT);
            if (string(node, NODE_OP_TYPE).equals("Add")
                    && inputs.size() == 2
                    && initializers.contains(inputs.get(0))
                    && !initializers.contains(inputs.get(1))) {
                nodes.set(i, withStrings(node, NODE_INPUT, List.of(inputs.get(1), inputs.get(0))));
                moved++;
            }
        }
        return moved;
    }

    /**
     * Slices the last layer's query input and its attention residual to the first position, so
     * that everything downstream of them runs on one position; empty when the graph is not the
     * export this expects.
     */
    private static Optional<Integer> clsOnly(List<UnknownFieldSet> nodes) {
        var last = nodes.stream()
                .map(n -> LAYER.matcher(string(n, NODE_NAME)))
                .filter(java.util.regex.Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        var prefix = "/encoder/layer." + last.getAsInt() + "/attention/";
        var query = find(nodes, prefix + "self/query/MatMul_quant");
        var residualAdd = find(nodes, prefix + "output/Add");
        if (query.isEmpty() || residualAdd.isEmpty()) {
            return Optional.empty();
        }
        var quantisedHidden = strings(nodes.get(query.get()), NODE_INPUT).getFirst();
        var quantiser = nodes.stream()
                .filter(n -> string(n, NODE_OP_TYPE).equals("DynamicQuantizeLinear"))
                .filter(n -> strings(n, NODE_OUTPUT).getFirst().equals(quantisedHidden))
                .findFirst();
        var residualInputs = strings(nodes.get(residualAdd.get()), NODE_INPUT);
        if (quantiser.isEmpty()
                || !residualInputs.contains(strings(quantiser.get(), NODE_INPUT).getFirst())) {
            return Optional.empty();
        }
        var hidden = strings(quantiser.get(), NODE_INPUT).getFirst();
        // The residual first, so that the query's index is still right after the insertion.
        replaceInput(nodes, residualAdd.get(), hidden, "residual");
        replaceInput(nodes, query.get(), quantisedHidden, "query");
        return Optional.of(last.getAsInt());
    }

    private static void replaceInput(List<UnknownFieldSet> nodes, int index, String input, String purpose) {
        var sliced = FIRST + purpose;
        var inputs = new ArrayList<>(strings(nodes.get(index), NODE_INPUT));
        inputs.replaceAll(name -> name.equals(input) ? sliced : name);
        nodes.set(index, withStrings(nodes.get(index), NODE_INPUT, inputs));
        nodes.add(
                index,
                UnknownFieldSet.newBuilder()
                        .addField(NODE_INPUT, strings(List.of(input, FIRST + "start", FIRST + "end", FIRST + "axis")))
                        .addField(NODE_OUTPUT, strings(List.of(sliced)))
                        .addField(NODE_NAME, strings(List.of(sliced + "_slice")))
                        .addField(NODE_OP_TYPE, strings(List.of("Slice")))
                        .build());
    }

    private static Optional<Integer> find(List<UnknownFieldSet> nodes, String name) {
        for (var i = 0; i < nodes.size(); i++) {
            if (string(nodes.get(i), NODE_NAME).equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A one-element int64 tensor. */
    private static ByteString int64(String name, long value) {
        return UnknownFieldSet.newBuilder()
                .addField(
                        TENSOR_DIMS,
                        UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                .addField(
                        TENSOR_DATA_TYPE,
                        UnknownFieldSet.Field.newBuilder().addVarint(INT64).build())
                .addField(
                        TENSOR_INT64_DATA,
                        UnknownFieldSet.Field.newBuilder().addVarint(value).build())
                .addField(TENSOR_NAME, strings(List.of(name)))
                .build()
                .toByteString();
    }

    private static String string(UnknownFieldSet message, int field) {
        var values = strings(message, field);
        return values.isEmpty() ? "" : values.getFirst();
    }

    private static List<String> strings(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().stream()
                .map(ByteString::toStringUtf8)
                .toList();
    }

    private static UnknownFieldSet.Field strings(List<String> values) {
        var field = UnknownFieldSet.Field.newBuilder();
        values.forEach(v -> field.addLengthDelimited(ByteString.copyFromUtf8(v)));
        return field.build();
    }

    private static UnknownFieldSet withStrings(UnknownFieldSet message, int field, List<String> values) {
        return UnknownFieldSet.newBuilder(message)
                .addField(field, strings(values))
                .build();
    }
}
