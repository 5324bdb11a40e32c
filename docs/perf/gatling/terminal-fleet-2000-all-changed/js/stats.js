var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "28100",
        "ok": "28099",
        "ko": "1"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "8"
    },
    "maxResponseTime": {
        "total": "21570",
        "ok": "21570",
        "ko": "8"
    },
    "meanResponseTime": {
        "total": "7226",
        "ok": "7226",
        "ko": "8"
    },
    "standardDeviation": {
        "total": "9618",
        "ok": "9618",
        "ko": "0"
    },
    "percentiles1": {
        "total": "71",
        "ok": "71",
        "ko": "8"
    },
    "percentiles2": {
        "total": "20021",
        "ok": "20022",
        "ko": "8"
    },
    "percentiles3": {
        "total": "20209",
        "ok": "20248",
        "ko": "8"
    },
    "percentiles4": {
        "total": "20964",
        "ok": "20972",
        "ko": "8"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 17816,
    "percentage": 63.40213523131673
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 234,
    "percentage": 0.8327402135231317
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 10049,
    "percentage": 35.76156583629893
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1,
    "percentage": 0.0035587188612099642
},
    "meanNumberOfRequestsPerSecond": {
        "total": "153.55",
        "ok": "153.55",
        "ko": "0.01"
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
        "total": "6000",
        "ok": "5999",
        "ko": "1"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "8"
    },
    "maxResponseTime": {
        "total": "255",
        "ok": "255",
        "ko": "8"
    },
    "meanResponseTime": {
        "total": "5",
        "ok": "5",
        "ko": "8"
    },
    "standardDeviation": {
        "total": "9",
        "ok": "9",
        "ko": "0"
    },
    "percentiles1": {
        "total": "4",
        "ok": "4",
        "ko": "8"
    },
    "percentiles2": {
        "total": "4",
        "ok": "4",
        "ko": "8"
    },
    "percentiles3": {
        "total": "8",
        "ok": "8",
        "ko": "8"
    },
    "percentiles4": {
        "total": "20",
        "ok": "20",
        "ko": "8"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 5999,
    "percentage": 99.98333333333333
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
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1,
    "percentage": 0.016666666666666666
},
    "meanNumberOfRequestsPerSecond": {
        "total": "32.79",
        "ok": "32.78",
        "ko": "0.01"
    }
}
    },"req_ea-snapshot--on-174438552": {
        type: "REQUEST",
        name: "ea snapshot (on start)",
path: "ea snapshot (on start)",
pathFormatted: "req_ea-snapshot--on-174438552",
stats: {
    "name": "ea snapshot (on start)",
    "numberOfRequests": {
        "total": "2000",
        "ok": "2000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "527",
        "ok": "527",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "79",
        "ok": "79",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "108",
        "ok": "108",
        "ko": "-"
    },
    "percentiles1": {
        "total": "29",
        "ok": "29",
        "ko": "-"
    },
    "percentiles2": {
        "total": "90",
        "ok": "90",
        "ko": "-"
    },
    "percentiles3": {
        "total": "339",
        "ok": "339",
        "ko": "-"
    },
    "percentiles4": {
        "total": "455",
        "ok": "455",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 2000,
    "percentage": 100.0
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
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "10.93",
        "ok": "10.93",
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
        "total": "10000",
        "ok": "10000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "20003",
        "ok": "20003",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "21570",
        "ok": "21570",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "20163",
        "ok": "20163",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "247",
        "ok": "247",
        "ko": "-"
    },
    "percentiles1": {
        "total": "20063",
        "ok": "20063",
        "ko": "-"
    },
    "percentiles2": {
        "total": "20192",
        "ok": "20192",
        "ko": "-"
    },
    "percentiles3": {
        "total": "20762",
        "ok": "20762",
        "ko": "-"
    },
    "percentiles4": {
        "total": "21135",
        "ok": "21137",
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
    "count": 10000,
    "percentage": 100.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "54.64",
        "ok": "54.64",
        "ko": "-"
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
        "total": "6000",
        "ok": "6000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "780",
        "ok": "780",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "74",
        "ok": "74",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "113",
        "ok": "113",
        "ko": "-"
    },
    "percentiles1": {
        "total": "25",
        "ok": "25",
        "ko": "-"
    },
    "percentiles2": {
        "total": "75",
        "ok": "75",
        "ko": "-"
    },
    "percentiles3": {
        "total": "310",
        "ok": "307",
        "ko": "-"
    },
    "percentiles4": {
        "total": "556",
        "ok": "553",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 6000,
    "percentage": 100.0
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
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "32.79",
        "ok": "32.79",
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
        "total": "4000",
        "ok": "4000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1503",
        "ok": "1503",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "191",
        "ok": "191",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "298",
        "ok": "298",
        "ko": "-"
    },
    "percentiles1": {
        "total": "53",
        "ok": "53",
        "ko": "-"
    },
    "percentiles2": {
        "total": "189",
        "ok": "189",
        "ko": "-"
    },
    "percentiles3": {
        "total": "963",
        "ok": "964",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1232",
        "ok": "1230",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3717,
    "percentage": 92.925
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 234,
    "percentage": 5.8500000000000005
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 49,
    "percentage": 1.225
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "21.86",
        "ok": "21.86",
        "ko": "-"
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
        "ok": "100",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "95",
        "ok": "95",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "332",
        "ok": "332",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "211",
        "ok": "211",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "65",
        "ok": "65",
        "ko": "-"
    },
    "percentiles1": {
        "total": "202",
        "ok": "202",
        "ko": "-"
    },
    "percentiles2": {
        "total": "274",
        "ok": "274",
        "ko": "-"
    },
    "percentiles3": {
        "total": "315",
        "ok": "315",
        "ko": "-"
    },
    "percentiles4": {
        "total": "332",
        "ok": "332",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 100,
    "percentage": 100.0
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
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.55",
        "ok": "0.55",
        "ko": "-"
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
