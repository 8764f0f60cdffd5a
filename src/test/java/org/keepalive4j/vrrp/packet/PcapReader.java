package org.keepalive4j.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the IP packets out of a classic little-endian Ethernet pcap file, as tcpdump -w writes. */
final class PcapReader {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int ETHERNET_HEADER = 14;

    private PcapReader() {
    }

    static List<byte[]> ipPackets(InputStream in) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int magic = file.getInt(0);
        if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
            throw new IOException("not a little-endian pcap file");
        }
        if (file.getInt(20) != LINKTYPE_ETHERNET) {
            throw new IOException("not an Ethernet capture");
        }
        List<byte[]> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= file.limit()) {
            int captured = file.getInt(at + 8);
            int frame = at + 16;
            packets.add(Arrays.copyOfRange(file.array(), frame + ETHERNET_HEADER, frame + captured));
            at = frame + captured;
        }
        return packets;
    }
}
