package org.shardledger.verifier.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {
  @Test
  void aMessageIsTheReason() {
    assertThat(FailureReason.of(new IOException("ledger is busy"))).isEqualTo("ledger is busy");
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsClass() {
    assertThat(FailureReason.of(new ConnectException())).isEqualTo("ConnectException");
  }

  @Test
  void anExceptionWithoutAMessageNamesItsCause() {
    assertThat(FailureReason.of(new IOException(null, new ClosedChannelException())))
        .isEqualTo("IOException caused by ClosedChannelException");
    assertThat(FailureReason.of(new IOException(null, new ConnectException("Connection refused"))))
        .isEqualTo("IOException caused by ConnectException: Connection refused");
  }
}
