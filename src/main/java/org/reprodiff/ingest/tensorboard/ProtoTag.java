package org.reprodiff.ingest.tensorboard;

/**
 * A protobuf field key as {@code CodedInputStream.readTag()} returns it: field number and wire type, which
 * protobuf-java keeps package-private ({@code WireFormat.makeTag}). The wire types are {@code WireFormat}'s.
 */
final class ProtoTag {
    private ProtoTag() {
    }

    static int of(int fieldNumber, int wireType) {
        return (fieldNumber << 3) | wireType;
    }
}
