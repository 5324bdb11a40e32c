var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "14710",
        "ok": "13636",
        "ko": "1074"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "28327"
    },
    "maxResponseTime": {
        "total": "38875",
        "ok": "38875",
        "ko": "32323"
    },
    "meanResponseTime": {
        "total": "21426",
        "ok": "20707",
        "ko": "30553"
    },
    "standardDeviation": {
        "total": "12664",
        "ok": "12880",
        "ko": "489"
    },
    "percentiles1": {
        "total": "24671",
        "ok": "24262",
        "ko": "30491"
    },
    "percentiles2": {
        "total": "30632",
        "ok": "30695",
        "ko": "30819"
    },
    "percentiles3": {
        "total": "36030",
        "ok": "36581",
        "ko": "31561"
    },
    "percentiles4": {
        "total": "38134",
        "ok": "38106",
        "ko": "32156"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3037,
    "percentage": 20.645819170632222
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 95,
    "percentage": 0.645819170632223
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 10504,
    "percentage": 71.40720598232495
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1074,
    "percentage": 7.3011556764106045
},
    "meanNumberOfRequestsPerSecond": {
        "total": "86.53",
        "ok": "80.21",
        "ko": "6.32"
    }
},
contents: {
"req_trader-read--no-198167092": {
        type: "REQUEST",
        name: "trader read, no terminals",
path: "trader read, no terminals",
pathFormatted: "req_trader-read--no-198167092",
stats: {
    "name": "trader read, no terminals",
    "numberOfRequests": {
        "total": "3000",
        "ok": "3000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1289",
        "ok": "1289",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "84",
        "ok": "84",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "176",
        "ok": "176",
        "ko": "-"
    },
    "percentiles1": {
        "total": "14",
        "ok": "14",
        "ko": "-"
    },
    "percentiles2": {
        "total": "41",
        "ok": "41",
        "ko": "-"
    },
    "percentiles3": {
        "total": "517",
        "ok": "517",
        "ko": "-"
    },
    "percentiles4": {
        "total": "813",
        "ok": "813",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 2963,
    "percentage": 98.76666666666667
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 36,
    "percentage": 1.2
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 1,
    "percentage": 0.03333333333333333
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "17.65",
        "ok": "17.65",
        "ko": "-"
    }
}
    },"req_ea-poll--long---917636094": {
        type: "REQUEST",
        name: "ea poll (long)",
path: "ea poll (long)",
pathFormatted: "req_ea-poll--long---917636094",
stats: {
    "name": "ea poll (long)",
    "numberOfRequests": {
        "total": "6610",
        "ok": "6610",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "20008",
        "ok": "20008",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "38875",
        "ok": "38875",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "26939",
        "ok": "26939",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "6004",
        "ok": "6004",
        "ko": "-"
    },
    "percentiles1": {
        "total": "24622",
        "ok": "24667",
        "ko": "-"
    },
    "percentiles2": {
        "total": "34042",
        "ok": "34033",
        "ko": "-"
    },
    "percentiles3": {
        "total": "37441",
        "ok": "37441",
        "ko": "-"
    },
    "percentiles4": {
        "total": "38134",
        "ok": "38134",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6610,
    "percentage": 100.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "38.88",
        "ok": "38.88",
        "ko": "-"
    }
}
    },"req_ea-snapshot--409528120": {
        type: "REQUEST",
        name: "ea snapshot",
path: "ea snapshot",
pathFormatted: "req_ea-snapshot--409528120",
stats: {
    "name": "ea snapshot",
    "numberOfRequests": {
        "total": "2000",
        "ok": "931",
        "ko": "1069"
    },
    "minResponseTime": {
        "total": "36",
        "ok": "36",
        "ko": "30005"
    },
    "maxResponseTime": {
        "total": "36419",
        "ok": "36419",
        "ko": "32323"
    },
    "meanResponseTime": {
        "total": "28095",
        "ok": "25263",
        "ko": "30561"
    },
    "standardDeviation": {
        "total": "7465",
        "ok": "10220",
        "ko": "477"
    },
    "percentiles1": {
        "total": "30537",
        "ok": "30665",
        "ko": "30496"
    },
    "percentiles2": {
        "total": "31166",
        "ok": "31965",
        "ko": "30820"
    },
    "percentiles3": {
        "total": "33572",
        "ok": "35158",
        "ko": "31590"
    },
    "percentiles4": {
        "total": "35548",
        "ok": "35882",
        "ko": "32160"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 10,
    "percentage": 0.5
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 1,
    "percentage": 0.05
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 920,
    "percentage": 46.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1069,
    "percentage": 53.449999999999996
},
    "meanNumberOfRequestsPerSecond": {
        "total": "11.76",
        "ok": "5.48",
        "ko": "6.29"
    }
}
    },"req_trader-read--20-977879188": {
        type: "REQUEST",
        name: "trader read, 2000 terminals polling",
path: "trader read, 2000 terminals polling",
pathFormatted: "req_trader-read--20-977879188",
stats: {
    "name": "trader read, 2000 terminals polling",
    "numberOfRequests": {
        "total": "3000",
        "ok": "2997",
        "ko": "3"
    },
    "minResponseTime": {
        "total": "10",
        "ok": "10",
        "ko": "28327"
    },
    "maxResponseTime": {
        "total": "34097",
        "ok": "34097",
        "ko": "29521"
    },
    "meanResponseTime": {
        "total": "25848",
        "ok": "25845",
        "ko": "28887"
    },
    "standardDeviation": {
        "total": "9739",
        "ok": "9744",
        "ko": "490"
    },
    "percentiles1": {
        "total": "30107",
        "ok": "30107",
        "ko": "28814"
    },
    "percentiles2": {
        "total": "30792",
        "ok": "30793",
        "ko": "29521"
    },
    "percentiles3": {
        "total": "33179",
        "ok": "33179",
        "ko": "29521"
    },
    "percentiles4": {
        "total": "33763",
        "ok": "33766",
        "ko": "29521"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 64,
    "percentage": 2.1333333333333333
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 58,
    "percentage": 1.9333333333333333
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 2875,
    "percentage": 95.83333333333334
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 3,
    "percentage": 0.1
},
    "meanNumberOfRequestsPerSecond": {
        "total": "17.65",
        "ok": "17.63",
        "ko": "0.02"
    }
}
    },"req_ea-snapshot--10--2074429085": {
        type: "REQUEST",
        name: "ea snapshot, 100 at once",
path: "ea snapshot, 100 at once",
pathFormatted: "req_ea-snapshot--10--2074429085",
stats: {
    "name": "ea snapshot, 100 at once",
    "numberOfRequests": {
        "total": "100",
        "ok": "98",
        "ko": "2"
    },
    "minResponseTime": {
        "total": "28934",
        "ok": "30052",
        "ko": "28934"
    },
    "maxResponseTime": {
        "total": "32766",
        "ok": "32766",
        "ko": "29197"
    },
    "meanResponseTime": {
        "total": "31286",
        "ok": "31331",
        "ko": "29066"
    },
    "standardDeviation": {
        "total": "634",
        "ok": "554",
        "ko": "132"
    },
    "percentiles1": {
        "total": "31499",
        "ok": "31499",
        "ko": "29197"
    },
    "percentiles2": {
        "total": "31627",
        "ok": "31627",
        "ko": "29197"
    },
    "percentiles3": {
        "total": "31994",
        "ok": "31994",
        "ko": "29197"
    },
    "percentiles4": {
        "total": "32766",
        "ok": "32766",
        "ko": "29197"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 98,
    "percentage": 98.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 2,
    "percentage": 2.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.59",
        "ok": "0.58",
        "ko": "0.01"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
