package org.shardledger.contracts.chain;

import java.util.List;
import java.util.Optional;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.crypto.Address;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

/** Finds a contract's event among a mined transaction's logs, as a web3j Log for the generated decoders. */
final class EventLogs {
  private EventLogs() {}

  static Optional<Log> first(TxOutcome.Mined mined, Event event, Address emitter) {
    return all(mined, event, emitter).stream().findFirst();
  }

  /** Every log of {@code event} from {@code emitter}, in the order the transaction emitted them. */
  static List<Log> all(TxOutcome.Mined mined, Event event, Address emitter) {
    String topic = EventEncoder.encode(event);
    return mined.logs().stream()
        .filter(l -> l.address().equals(emitter) && !l.topics().isEmpty()
            && l.topics().get(0).toHex().equals(topic))
        .map(EventLogs::toWeb3j)
        .toList();
  }

  static Log toWeb3j(TxOutcome.RawLog raw) {
    Log log = new Log();
    log.setAddress(raw.address().toHex());
    log.setTopics(raw.topics().stream().map(t -> t.toHex()).toList());
    log.setData(raw.data());
    log.setLogIndex("0x" + Long.toHexString(raw.logIndex()));
    return log;
  }
}
