package org.shardledger.wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.wire.handshake.RequesterStatement;
import org.shardledger.wire.handshake.HelloStatement;
import org.shardledger.wire.message.DataFrame;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;

class ServerHandlersTest {
  private static final Signature SIG = ServerHarness.OPERATOR.sign(Bytes32.ZERO);

  private static WireMessage.Error onlyError(List<WireMessage> answers) {
    assertThat(answers).hasSize(1).first().isInstanceOf(WireMessage.Error.class);
    return (WireMessage.Error) answers.getFirst();
  }

  @Test
  void helloIsAnsweredWithTheOperatorsSignatureOverBothNonces() {
    ServerHarness s = new ServerHarness();
    Bytes32 nonce = Bytes32.fromHex("0x" + "ab".repeat(32));
    s.send(new WireMessage.Hello(9, 1, 3, ServerHarness.CHAIN, nonce));
    WireMessage.HelloOk ok = (WireMessage.HelloOk) s.answers().getFirst();
    assertThat(ok.requestId()).isEqualTo(9);
    assertThat(ok.version()).isEqualTo(1);
    assertThat(ok.operator()).isEqualTo(ServerHarness.OPERATOR.address());
    HelloStatement signed = new HelloStatement(ServerHarness.CHAIN, 1, nonce, ok.serverNonce(), ok.operator());
    assertThat(signed.isSignedByOperator(ok.signature())).isTrue();
    HelloStatement otherNonce = new HelloStatement(ServerHarness.CHAIN, 1, Bytes32.ZERO, ok.serverNonce(),
        ok.operator());
    assertThat(otherNonce.isSignedByOperator(ok.signature())).isFalse();
    assertThat(s.channel.isActive()).isTrue();
  }

  @Test
  void requestBeforeHelloClosesTheConnection() {
    ServerHarness s = new ServerHarness();
    s.send(new WireMessage.ChallengeRequest(1, 7, 2));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.HANDSHAKE_REQUIRED);
    assertThat(s.channel.isActive()).isFalse();
  }

  @Test
  void wrongChainAndUnknownVersionsAreRefused() {
    ServerHarness chain = new ServerHarness();
    chain.send(new WireMessage.Hello(1, 1, 1, 1, Bytes32.ZERO));
    assertThat(onlyError(chain.answers()).code()).isEqualTo(ErrorCode.WRONG_CHAIN);
    assertThat(chain.channel.isActive()).isFalse();
    ServerHarness version = new ServerHarness();
    version.send(new WireMessage.Hello(1, 2, 5, ServerHarness.CHAIN, Bytes32.ZERO));
    assertThat(onlyError(version.answers()).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    assertThat(version.channel.isActive()).isFalse();
  }

  @Test
  void oversizedFrameIsRefusedBeforeItIsBuffered() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.sendRaw(Unpooled.buffer().writeInt(ServerHarness.MAX + 1).writeByte(0x12).writeInt(1).writeBytes(new byte[10]));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    assertThat(s.channel.isActive()).isFalse();
  }

  @Test
  void unknownTypeAndMalformedFramesCloseTheConnection() {
    ServerHarness unknown = new ServerHarness();
    unknown.handshake();
    unknown.sendRaw(Unpooled.buffer().writeInt(5).writeByte(0x66).writeInt(1));
    assertThat(onlyError(unknown.answers()).code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
    assertThat(unknown.channel.isActive()).isFalse();
    ServerHarness shortFrame = new ServerHarness();
    shortFrame.handshake();
    shortFrame.sendRaw(Unpooled.buffer().writeInt(2).writeShort(0));
    assertThat(onlyError(shortFrame.answers()).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    ServerHarness truncated = new ServerHarness();
    truncated.handshake();
    truncated.sendRaw(Unpooled.buffer().writeInt(9).writeByte(MessageType.CHALLENGE.code()).writeInt(1).writeInt(7));
    assertThat(onlyError(truncated.answers()).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    assertThat(truncated.channel.isActive()).isFalse();
  }

  @Test
  void challengeGetsTheBackendsSignedProofOrItsRefusalAndTheConnectionStaysOpen() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.challenges = (deal, epoch) -> deal == 7
        ? new OperatorBackend.SignedProof(Bytes.of(new byte[] {1, 2, 3}), SIG)
        : new OperatorBackend.Refusal(ErrorCode.BEACON_UNKNOWN, "not yet");
    s.send(new WireMessage.ChallengeRequest(5, 7, 42));
    assertThat(s.answers()).containsExactly(new WireMessage.ProofAnswer(5, 7, 42, SIG, Bytes.of(new byte[] {1, 2,
        3})));
    s.send(new WireMessage.ChallengeRequest(6, 8, 42));
    assertThat(onlyError(s.answers())).isEqualTo(new WireMessage.Error(6, ErrorCode.BEACON_UNKNOWN, "not yet"));
    s.backend.challenges = (deal, epoch) -> new OperatorBackend.SignedNoData(SIG);
    s.send(new WireMessage.ChallengeRequest(7, 8, 42));
    assertThat(s.answers()).containsExactly(new WireMessage.NoDataAnswer(7, 8, 42, SIG));
    assertThat(s.channel.isActive()).isTrue();
  }

  /**
   * Regression (issue 19, found by the network test bed): a backend call that throws — the prover's chain RPC
   * answering an error while it looks up the deal — was answered INTERNAL but left the connection busy, so every
   * later challenge on it was answered BUSY and an honest operator was reported unreachable until it was slashed.
   */
  @Test
  void aChallengeWhoseBackendThrowsIsAnsweredInternalAndFreesTheConnection() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.challenges = (deal, epoch) -> {
      throw new java.io.UncheckedIOException(new java.io.IOException("chain RPC: 503 Service Unavailable"));
    };
    s.send(new WireMessage.ChallengeRequest(5, 7, 42));
    assertThat(onlyError(s.answers())).extracting(WireMessage.Error::requestId, WireMessage.Error::code)
        .containsExactly(5, ErrorCode.INTERNAL);
    s.backend.challenges = (deal, epoch) -> new OperatorBackend.SignedNoData(SIG);
    s.send(new WireMessage.ChallengeRequest(6, 7, 42));
    assertThat(s.answers()).containsExactly(new WireMessage.NoDataAnswer(6, 7, 42, SIG));
    s.backend.terms = null;
    s.send(new WireMessage.TermsRequest(7));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.INTERNAL);
    s.send(new WireMessage.ChallengeRequest(8, 7, 42));
    assertThat(s.answers()).containsExactly(new WireMessage.NoDataAnswer(8, 7, 42, SIG));
    assertThat(s.channel.isActive()).isTrue();
  }

  @Test
  void aSecondRequestWhileOneIsOpenIsAnsweredBusy() {
    Queue<Runnable> later = new ArrayDeque<>();
    ServerHarness s = new ServerHarness(ServerSettings.defaults(), later::add);
    s.send(new WireMessage.Hello(1, 1, 1, ServerHarness.CHAIN, Bytes32.ZERO));
    later.poll().run();
    s.answers();
    s.backend.challenges = (deal, epoch) -> new OperatorBackend.SignedNoData(SIG);
    s.send(new WireMessage.ChallengeRequest(2, 1, 1), new WireMessage.ChallengeRequest(3, 1, 1));
    assertThat(onlyError(s.answers())).extracting(WireMessage.Error::requestId, WireMessage.Error::code)
        .containsExactly(3, ErrorCode.BUSY);
    later.poll().run();
    assertThat(s.answers()).containsExactly(new WireMessage.NoDataAnswer(2, 1, 1, SIG));
  }

  @Test
  void uploadStreamsIntoTheSinkAndIsAccepted() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(4, 7, 6));
    assertThat(s.answers()).containsExactly(new WireMessage.UploadReady(4));
    s.send(chunk(4, 1, 2, 3), chunk(4, 4, 5, 6), new WireMessage.UploadEnd(4));
    assertThat(s.answers()).containsExactly(new WireMessage.UploadAccepted(4, 7, Bytes32.ZERO, 6, SIG));
    assertThat(s.backend.uploaded.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(s.backend.aborts).hasValue(0);
  }

  @Test
  void uploadLongerThanAnnouncedIsAbortedAndClosed() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(4, 7, 4));
    s.answers();
    s.send(chunk(4, 1, 2, 3), chunk(4, 4, 5));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.UPLOAD_OVERFLOW);
    assertThat(s.channel.isActive()).isFalse();
    assertThat(s.backend.aborts).hasValue(1);
    assertThat(s.backend.finishes).hasValue(0);
  }

  @Test
  void uploadEndedEarlyIsIncompleteAndDropped() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(4, 7, 4), chunk(4, 1), new WireMessage.UploadEnd(4));
    List<WireMessage> answers = s.answers();
    assertThat(answers.getLast()).extracting(m -> ((WireMessage.Error) m).code())
        .isEqualTo(ErrorCode.UPLOAD_INCOMPLETE);
    assertThat(s.backend.aborts).hasValue(1);
    assertThat(s.channel.isActive()).isTrue();
  }

  @Test
  void connectionLostMidUploadAbortsTheSink() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(4, 7, 100), chunk(4, 1, 2));
    s.channel.close();
    s.channel.runPendingTasks();
    assertThat(s.backend.aborts).hasValue(1);
  }

  @Test
  void chunkOutsideAnUploadIsAProtocolViolation() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.send(chunk(4, 1));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    assertThat(s.channel.isActive()).isFalse();
  }

  @Test
  void readingPausesWhileTheDiskIsBehindAndResumesWhenItCatchesUp() {
    Queue<Runnable> disk = new ArrayDeque<>();
    Executor work = task -> disk.add(task);
    ServerSettings settings = ServerSettings.defaults();
    ServerHarness s = new ServerHarness(settings, work);
    s.send(new WireMessage.Hello(1, 1, 1, ServerHarness.CHAIN, Bytes32.ZERO));
    disk.poll().run();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(2, 7, 64L << 20));
    disk.poll().run();
    s.answers();
    byte[] big = new byte[1 << 20];
    for (int i = 0; i < 9; i++) {
      s.send(new DataFrame(MessageType.UPLOAD_CHUNK, 2, Unpooled.wrappedBuffer(big)));
    }
    assertThat(s.channel.config().isAutoRead()).isFalse();
    while (!disk.isEmpty()) {
      disk.poll().run();
    }
    s.channel.runPendingTasks();
    assertThat(s.channel.config().isAutoRead()).isTrue();
    assertThat(s.backend.uploaded.size()).isEqualTo(9 << 20);
  }

  @Test
  void tooManyConcurrentUploadsAreOverloaded() {
    ServerSettings one = ServerSettings.defaults().withMaxConcurrentUploads(1);
    ServerHarness s = new ServerHarness(one, Runnable::run);
    s.handshake();
    s.backend.acceptance = SIG;
    s.send(new WireMessage.UploadStart(2, 7, 10));
    assertThat(s.answers()).containsExactly(new WireMessage.UploadReady(2));
    ServerHarness other = new ServerHarness(s.context);
    other.handshake();
    other.send(new WireMessage.UploadStart(2, 8, 10));
    assertThat(onlyError(other.answers()).code()).isEqualTo(ErrorCode.OVERLOADED);
    assertThat(other.channel.isActive()).isTrue();
    s.channel.close();
    s.channel.runPendingTasks();
    other.send(new WireMessage.UploadStart(3, 8, 10));
    assertThat(other.answers()).containsExactly(new WireMessage.UploadReady(3));
  }

  private static DataFrame chunk(int requestId, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new DataFrame(MessageType.UPLOAD_CHUNK, requestId, Unpooled.wrappedBuffer(b));
  }

  @Test
  void aFailingDiskEndsTheUploadAtOnce() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.acceptance = SIG;
    s.backend.diskFull = true;
    s.send(new WireMessage.UploadStart(4, 7, 100), chunk(4, 1, 2));
    List<WireMessage> answers = s.answers();
    assertThat(answers).first().isEqualTo(new WireMessage.UploadReady(4));
    assertThat(answers.get(1)).extracting(m -> ((WireMessage.Error) m).code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(s.channel.isActive()).isFalse();
    assertThat(s.backend.aborts).hasValue(1);
  }

  @Test
  void idleConnectionsCloseButNotWhileTheNodeIsWorkingOnTheirRequest() {
    ServerHarness idle = new ServerHarness();
    idle.handshake();
    idle.channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(onlyError(idle.answers()).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(idle.channel.isActive()).isFalse();

    Queue<Runnable> later = new ArrayDeque<>();
    ServerHarness working = new ServerHarness(ServerSettings.defaults(), later::add);
    working.send(new WireMessage.Hello(1, 1, 1, ServerHarness.CHAIN, Bytes32.ZERO));
    later.poll().run();
    working.answers();
    working.send(new WireMessage.ChallengeRequest(2, 1, 1));
    working.channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(working.answers()).isEmpty();
    assertThat(working.channel.isActive()).isTrue();

    ServerHarness stalled = new ServerHarness();
    stalled.handshake();
    stalled.backend.acceptance = SIG;
    stalled.send(new WireMessage.UploadStart(3, 7, 100), chunk(3, 1));
    stalled.answers();
    stalled.channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(onlyError(stalled.answers()).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(stalled.backend.aborts).hasValue(1);
  }

  @Test
  void silenceBeforeHelloEndsTheConnection() {
    ServerHarness s = new ServerHarness();
    s.channel.advanceTimeBy(ServerSettings.defaults().handshakeTimeout().toMillis() + 1,
        java.util.concurrent.TimeUnit.MILLISECONDS);
    s.channel.runScheduledPendingTasks();
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(s.channel.isActive()).isFalse();
  }

  @Test
  void identifyWithTheRequestersSignatureOverThisConnectionsNoncesIsAccepted() {
    ServerHarness s = new ServerHarness();
    WireMessage.HelloOk ok = s.handshake();
    KeyPair requester = KeyPair.fromPrivateKey(java.math.BigInteger.valueOf(0xbeef));
    Signature signature = new RequesterStatement(ServerHarness.CHAIN, 1, Bytes32.ZERO, ok.serverNonce(),
        ok.operator(), requester.address()).sign(requester);
    s.send(new WireMessage.Identify(2, requester.address(), signature));
    assertThat(s.answers()).containsExactly(new WireMessage.IdentifyOk(2, requester.address()));
    s.send(new WireMessage.Retrieve(3, 7, 0, 99, SIG));
    assertThat(s.backend.lastRequester).contains(requester.address());
  }

  /** The attack: replaying an IDENTIFY seen on another connection, or claiming an account without its key. */
  @Test
  void identifyWithAnotherConnectionsOrAnotherKeysSignatureClosesTheConnection() {
    KeyPair requester = KeyPair.fromPrivateKey(java.math.BigInteger.valueOf(0xbeef));
    ServerHarness replay = new ServerHarness();
    WireMessage.HelloOk ok = replay.handshake();
    Signature otherNonce = new RequesterStatement(ServerHarness.CHAIN, 1, Bytes32.ZERO, Bytes32.ZERO,
        ok.operator(), requester.address()).sign(requester);
    replay.send(new WireMessage.Identify(2, requester.address(), otherNonce));
    assertThat(onlyError(replay.answers()).code()).isEqualTo(ErrorCode.IDENTIFY_FAILED);
    assertThat(replay.channel.isActive()).isFalse();

    ServerHarness impostor = new ServerHarness();
    WireMessage.HelloOk ok2 = impostor.handshake();
    KeyPair other = KeyPair.fromPrivateKey(java.math.BigInteger.valueOf(0xfeed));
    Signature wrongKey = other.sign(new RequesterStatement(ServerHarness.CHAIN, 1, Bytes32.ZERO, ok2.serverNonce(),
        ok2.operator(), requester.address()).digest());
    impostor.send(new WireMessage.Identify(2, requester.address(), wrongKey));
    assertThat(onlyError(impostor.answers()).code()).isEqualTo(ErrorCode.IDENTIFY_FAILED);
    assertThat(impostor.channel.isActive()).isFalse();
  }

  @Test
  void aRetrievalWithoutIdentifyReachesTheBackendWithNoRequester() {
    ServerHarness s = new ServerHarness();
    s.handshake();
    s.backend.retrieval = first -> new OperatorBackend.Refusal(ErrorCode.TICKET_REFUSED, "identify first");
    s.send(new WireMessage.Retrieve(3, 7, 0, 99, SIG));
    assertThat(onlyError(s.answers()).code()).isEqualTo(ErrorCode.TICKET_REFUSED);
    assertThat(s.backend.lastRequester).isEmpty();
    assertThat(s.channel.isActive()).isTrue();
  }
}
