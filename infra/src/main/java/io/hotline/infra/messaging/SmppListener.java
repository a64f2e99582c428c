package io.hotline.infra.messaging;

import io.hotline.command.notify.DeliveryReceipts;
import io.hotline.command.notify.InboundMessages;
import io.hotline.command.notify.InboundSms;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the SMS centre delivers over the bind. The work (store lookups, commands) runs off jSMPP's reading thread,
 * so the {@code deliver_sm_resp} goes back at once. A receipt may overtake the sender's own bookkeeping of the
 * message it is for: one that matches nothing yet is looked at again a few times.
 */
class SmppListener implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppListener.class);
    private static final int RECEIPT_TRIES = 10;

    private final DeliveryReceipts receipts;
    private final InboundMessages inbound;
    private final ScheduledExecutorService worker;

    SmppListener(DeliveryReceipts receipts, InboundMessages inbound, ScheduledExecutorService worker) {
        this.receipts = receipts;
        this.inbound = inbound;
        this.worker = worker;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (deliverSm.isSmscDeliveryReceipt()) {
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                if (SmppGateway.delivered(receipt)) {
                    worker.execute(() -> matchReceipt(receipt.getId(), 1));
                }
            } catch (Exception e) {
                log.info("Unreadable delivery receipt ignored ({})", e.getClass().getSimpleName());
            }
            return;
        }
        InboundSms sms = new InboundSms(SmppGateway.NAME, SmppGateway.inboundId(), deliverSm.getSourceAddr(),
                SmppGateway.textOf(deliverSm));
        worker.execute(() -> {
            try {
                inbound.receive(sms);
            } catch (RuntimeException e) {
                log.warn("Inbound SMS {} not handled ({})", sms, e.getClass().getSimpleName());
            }
        });
    }

    private void matchReceipt(String messageId, int attempt) {
        try {
            if (!receipts.delivered(SmppGateway.NAME, messageId) && attempt < RECEIPT_TRIES) {
                worker.schedule(() -> matchReceipt(messageId, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.warn("Delivery receipt not recorded ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // the SMS centre says a handset is reachable again: nothing to do, the sender retries on its own
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not used", 0x03); // ESME_RINVCMDID
    }
}
